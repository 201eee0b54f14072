import type { ImpactEntryInput } from '../impact/schema';
import type { CommonplaceDb } from './schema';

/** One answer waiting for its community's endpoint. Kept until the endpoint has it (or set aside, never dropped). */
export interface QueuedImpact {
  communityId: string;
  entry: ImpactEntryInput;
  attempts: number;
  lastError?: string;
}

/** An answer the endpoint refused: kept with the reason, never dropped silently. */
export interface SetAsideImpact {
  communityId: string;
  entry: ImpactEntryInput;
  reason: string;
  at: number;
}

interface PromptState {
  /** The local day the last prompt was answered or dismissed: at most one a day. */
  day: string | null;
  /** Openings already answered or dismissed (opening keys), newest last. */
  handled: string[];
}

const PROMPT = 'impact:prompt';
const QUEUE = 'impact:queue';
const SET_ASIDE = 'impact:set-aside';
/** Openings remembered as handled: prompts only look a week back, so a few hundred is plenty. */
const MAX_HANDLED = 500;

/**
 * The impact ledger's local state (kv rows): which openings were asked about, and the answers queued for the
 * endpoint. Answering queues the entry and marks the opening handled in one transaction, so a closed tab or a
 * crash never loses an answer nor asks twice.
 */
export function impactLedgerRepository(db: CommonplaceDb) {
  const read = async <T>(key: string, fallback: T): Promise<T> => ((await db.kv.get(key))?.value as T) ?? fallback;
  const handle = async (openingKey: string, day: string) => {
    const state = await read<PromptState>(PROMPT, { day: null, handled: [] });
    const handled = [...state.handled.filter((k) => k !== openingKey), openingKey].slice(-MAX_HANDLED);
    await db.kv.put({ key: PROMPT, value: { day, handled } satisfies PromptState });
  };
  return {
    promptState: () => read<PromptState>(PROMPT, { day: null, handled: [] }),
    /** "Not now": this opening is not asked about again, and no other prompt shows today. */
    dismiss: (openingKey: string, day: string) => db.transaction('rw', db.kv, () => handle(openingKey, day)),
    /** Queues the answer and marks its opening handled, together. */
    answer: (openingKey: string, day: string, communityId: string, entry: ImpactEntryInput) =>
      db.transaction('rw', db.kv, async () => {
        await handle(openingKey, day);
        const queue = await read<QueuedImpact[]>(QUEUE, []);
        if (!queue.some((q) => q.entry.id === entry.id)) queue.push({ communityId, entry, attempts: 0 });
        await db.kv.put({ key: QUEUE, value: queue });
      }),
    queued: () => read<QueuedImpact[]>(QUEUE, []),
    setAside: () => read<SetAsideImpact[]>(SET_ASIDE, []),
    /** Applies what one flush learned: delivered ids leave the queue, refused ones move aside, failures count. */
    settle: (
      outcome: {
        delivered: string[];
        refused: { id: string; reason: string }[];
        failed: { id: string; error: string }[];
      },
      at: number,
    ) =>
      db.transaction('rw', db.kv, async () => {
        const queue = await read<QueuedImpact[]>(QUEUE, []);
        const aside = await read<SetAsideImpact[]>(SET_ASIDE, []);
        const delivered = new Set(outcome.delivered);
        const refused = new Map(outcome.refused.map((r) => [r.id, r.reason]));
        const failed = new Map(outcome.failed.map((r) => [r.id, r.error]));
        const kept: QueuedImpact[] = [];
        for (const q of queue) {
          const reason = refused.get(q.entry.id);
          if (delivered.has(q.entry.id)) continue;
          if (reason !== undefined) aside.push({ communityId: q.communityId, entry: q.entry, reason, at });
          else if (failed.has(q.entry.id))
            kept.push({ ...q, attempts: q.attempts + 1, lastError: failed.get(q.entry.id)! });
          else kept.push(q);
        }
        await db.kv.put({ key: QUEUE, value: kept });
        await db.kv.put({ key: SET_ASIDE, value: aside });
      }),
  };
}
