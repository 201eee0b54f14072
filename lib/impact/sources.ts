import type { ImpactSource } from './types';

/** Every place a note can be opened from that the ledger asks about, in the order reports list them. */
export const IMPACT_SOURCES = ['search', 'digest', 'poll-match', 'relay'] as const satisfies readonly ImpactSource[];

export const isImpactSource = (v: unknown): v is ImpactSource =>
  typeof v === 'string' && (IMPACT_SOURCES as readonly string[]).includes(v);

/** The events-table type of an opening; its `data.source` says where from (absent: not a ledger source). */
export const NOTE_OPENED = 'note-opened';

/** The `data` an opened event carries, read back defensively (old rows carry none). */
export function openedSource(data: unknown): ImpactSource | undefined {
  const source = (data as { source?: unknown } | undefined)?.source;
  return isImpactSource(source) ? source : undefined;
}
