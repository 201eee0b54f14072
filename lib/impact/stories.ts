import type { Note } from '../model';
import { noteTitle } from '../digest/card';
import type { ReportStory } from './report-types';
import type { LedgerSummary } from './types';

export const MAX_STORIES = 5;

/**
 * Up to five stories from the ledger's outcomes, each told by the win or story note it turned into and the note
 * that made it happen, both as this browser holds them (an outcome whose note is gone or was never synced here is
 * left out rather than told without its words). Stories before wins, newest first. Names only with consent.
 */
export function pickStories(summary: LedgerSummary | null, byId: ReadonlyMap<string, Note>): ReportStory[] {
  if (!summary) return [];
  const named = new Map(summary.named.map((m) => [m.memberId, m.displayName]));
  const nameOf = (n: Note | undefined) => (n?.author ? (named.get(n.author.id) ?? null) : null);
  const seen = new Set<string>();
  const told: { story: ReportStory; at: number; rank: number }[] = [];
  for (const o of summary.outcomes) {
    const source = byId.get(o.noteId);
    if (!source) continue;
    const result = o.outcomeNoteId ? byId.get(o.outcomeNoteId) : undefined;
    const key = result?.id ?? `${o.noteId}:${o.outcome}`;
    if (seen.has(key)) continue;
    seen.add(key);
    told.push({
      story: {
        outcome: o.outcome,
        title: result ? noteTitle(result) : noteTitle(source),
        madeFrom: noteTitle(source),
        by: nameOf(result),
        madeFromBy: nameOf(source),
      },
      at: (result ?? source).createdAt,
      rank: (o.outcome === 'story' ? 0 : 2) + (result ? 0 : 1),
    });
  }
  told.sort((a, b) => a.rank - b.rank || b.at - a.at);
  return told.slice(0, MAX_STORIES).map((t) => t.story);
}
