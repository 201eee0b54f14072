import { useEffect, useId, useState } from 'react';
import type { LedgerCell, LedgerSummary } from '@/lib/impact/types';

/** What loading the summary came to: the summary, "not yours to read" (members), or a problem to say. */
export type LedgerLoad =
  { kind: 'summary'; summary: LedgerSummary } | { kind: 'forbidden' } | { kind: 'problem'; message: string };

const SOURCE_LABEL: Record<LedgerSummary['bySource'][number]['source'], string> = {
  search: 'Search',
  digest: 'New tab digest',
  'poll-match': 'Pulse poll matches',
  relay: 'Relayed answers',
};

function cellText(cell: LedgerCell | null, k: number): string {
  if (!cell) return `Hidden: fewer than ${k} people answered`;
  const parts = [`${cell.minutesSaved} min saved by ${cell.members} people`];
  if (cell.medianMinutes) parts.push(`median ${cell.medianMinutes} min`);
  parts.push(`${cell.wins} wins`, `${cell.stories} stories`);
  return parts.join(' · ');
}

/**
 * The impact ledger as the endpoint releases it to a facilitator: this quarter's aggregates, each hidden below k
 * people. Nothing for members (the endpoint refuses them). The quarterly report builds on the same summary.
 */
export function LedgerPanel({ communityName, load }: { communityName: string; load: () => Promise<LedgerLoad> }) {
  const id = useId();
  const [state, setState] = useState<LedgerLoad | null>(null);
  useEffect(() => {
    let isLive = true;
    load().then(
      (r) => isLive && setState(r),
      (e: unknown) => isLive && setState({ kind: 'problem', message: String(e) }),
    );
    return () => {
      isLive = false;
    };
  }, [load]);
  if (state?.kind === 'forbidden') return null;
  return (
    <section aria-labelledby={`${id}-h`} className="ledger-panel">
      <h4 id={`${id}-h`}>Impact ledger: {communityName}, this quarter</h4>
      {state === null && <p className="muted">Reading the ledger…</p>}
      {state?.kind === 'problem' && (
        <p role="alert" className="error">
          The ledger could not be read: {state.message}
        </p>
      )}
      {state?.kind === 'summary' && (
        <>
          <p aria-label="Time saved">{cellText(state.summary.total, state.summary.k)}</p>
          <p className="muted">Months as the community counts them, in {state.summary.timeZone}.</p>
          <ul aria-label="By where the note was opened">
            {state.summary.bySource.map((s) => (
              <li key={s.source}>
                {SOURCE_LABEL[s.source]}: {cellText(s.cell, state.summary.k)}
              </li>
            ))}
          </ul>
          {state.summary.named.length > 0 && (
            <p>Named with their consent: {state.summary.named.map((n) => n.displayName).join(', ')}</p>
          )}
        </>
      )}
    </section>
  );
}
