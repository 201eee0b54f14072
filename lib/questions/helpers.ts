import type { Note } from '../model';
import { findSimilar, type SimilarityIndex } from '../similarity';

/** How many similar questions are looked at for their answerers. */
const SIMILAR_QUESTIONS = 5;

/**
 * The members who answered questions like this one (in the same community, never the asker): who the ladder's
 * first rung shows it to. `answerers` maps a question id to the author ids of its answers. Members who opted out
 * of who-knows-what (GET /v1/members/expertise-opt-outs) are never among them.
 */
export function helpersFor(
  question: Note,
  similarity: SimilarityIndex,
  answerers: ReadonlyMap<string, ReadonlySet<string>>,
  optedOut: ReadonlySet<string> = new Set(),
): string[] {
  return withoutOptedOut(helpersAndNeighbours(question, similarity, answerers).helpers, optedOut);
}

/** Applied after any cache: an opt-out takes effect at once, whatever was computed before it. */
export function withoutOptedOut(helpers: string[], optedOut: ReadonlySet<string> = new Set()): string[] {
  return optedOut.size === 0 ? helpers : helpers.filter((id) => !optedOut.has(id));
}

/** `helpersFor`, with the similar questions it read (what a cached answer depends on besides the index). */
export function helpersAndNeighbours(
  question: Note,
  similarity: SimilarityIndex,
  answerers: ReadonlyMap<string, ReadonlySet<string>>,
): { helpers: string[]; neighbours: string[] } {
  const similar = findSimilar(
    similarity,
    {
      quote: question.quote,
      takeaway: question.takeaway,
      pageKey: question.pageKey,
      chat: question.chat,
      kind: 'question',
      excludeId: question.id,
    },
    { limit: SIMILAR_QUESTIONS * 3 },
  );
  const out = new Set<string>();
  const neighbours: string[] = [];
  for (const { note } of similar) {
    if (note.kind !== 'question' || (note.communityId ?? null) !== (question.communityId ?? null)) continue;
    if (neighbours.length >= SIMILAR_QUESTIONS) break;
    neighbours.push(note.id);
    for (const id of answerers.get(note.id) ?? []) if (id !== question.author?.id) out.add(id);
  }
  return { helpers: [...out].sort(), neighbours };
}
