import { uuidv7 } from 'uuidv7';
import { noteTitle } from '../digest/card';
import { dayString, localDay } from '../digest/time';
import { impactLedgerRepository } from '../db/impact-ledger';
import type { CommonplaceDb } from '../db/schema';
import { syncState } from '../db/sync-state';
import { dueImpactPrompt, PROMPT_WITHIN_MS, type ImpactOpening } from '../impact/prompt';
import type { ImpactOutcome, MinutesSaved } from '../impact/types';
import { impactLedger, type ImpactFlush } from './impact';
import type { Fetcher } from './transport';

/** The prompt as the new tab shows it: the opening, the note's title, and the member's wins and stories since. */
export interface ImpactPromptView {
  opening: ImpactOpening;
  title: string;
  /** The member's own win and story notes in that community since the opening, to link one (optional). */
  outcomeNotes: { id: string; kind: ImpactOutcome; title: string }[];
}

export interface ImpactAnswer {
  minutesSaved: MinutesSaved | null;
  outcome: ImpactOutcome | null;
  outcomeNoteId: string | null;
}

/**
 * The new tab's impact prompt: which opening to ask about (lib/impact/prompt), and the answer queued here then
 * sent (lib/sync/impact). Answering or dismissing ends today's prompt.
 */
export function impactDesk(db: CommonplaceDb, fetcher: Fetcher) {
  const repo = impactLedgerRepository(db);
  const ledger = impactLedger(db, fetcher);
  const today = (now: number, timeZone: string) => dayString(localDay(now, timeZone));
  return {
    async due(now: number, timeZone: string): Promise<ImpactPromptView | null> {
      const [events, state, memberships] = await Promise.all([
        db.events
          .where('at')
          .aboveOrEqual(now - PROMPT_WITHIN_MS)
          .toArray(),
        repo.promptState(),
        syncState(db).memberships(),
      ]);
      const ids = [...new Set(events.map((e) => e.noteId).filter((id): id is string => !!id))];
      const notes = new Map((await db.notes.bulkGet(ids)).filter((n) => !!n).map((n) => [n!.id, n!]));
      const joined = new Set(memberships.map((m) => m.communityId));
      const opening = dueImpactPrompt({
        events,
        communityOf: (id) => {
          const n = notes.get(id);
          return n && n.deletedAt === undefined && n.communityId && joined.has(n.communityId) ? n.communityId : null;
        },
        handled: new Set(state.handled),
        promptedDay: state.day,
        today: today(now, timeZone),
        now,
      });
      if (!opening) return null;
      const me = memberships.find((m) => m.communityId === opening.communityId)?.memberId;
      const mine = await db.notes.where('createdAt').aboveOrEqual(opening.openedAt).toArray();
      return {
        opening,
        title: noteTitle(notes.get(opening.noteId)!),
        outcomeNotes: mine
          .filter(
            (n) =>
              (n.kind === 'win' || n.kind === 'story') &&
              n.deletedAt === undefined &&
              n.communityId === opening.communityId &&
              (!n.author || n.author.id === me),
          )
          .slice(-20)
          .map((n) => ({ id: n.id, kind: n.kind as ImpactOutcome, title: noteTitle(n) })),
      };
    },
    /** Queues the answer (kept whatever the network does), then tries to deliver it at once. */
    async answer(opening: ImpactOpening, answer: ImpactAnswer, now: number, timeZone: string): Promise<ImpactFlush> {
      await repo.answer(opening.key, today(now, timeZone), opening.communityId, {
        id: uuidv7(),
        noteId: opening.noteId,
        source: opening.source,
        openedAt: new Date(opening.openedAt).toISOString(),
        answeredAt: new Date(now).toISOString(),
        ...answer,
        outcomeNoteId: answer.outcome ? answer.outcomeNoteId : null,
      });
      return ledger.flush(now);
    },
    dismiss: (opening: ImpactOpening, now: number, timeZone: string) => repo.dismiss(opening.key, today(now, timeZone)),
  };
}
