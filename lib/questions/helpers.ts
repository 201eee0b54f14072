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
  let looked = 0;
  for (const { note } of similar) {
    if (note.kind !== 'question' || (note.communityId ?? null) !== (question.communityId ?? null)) continue;
    if (++looked > SIMILAR_QUESTIONS) break;
    for (const id of answerers.get(note.id) ?? []) if (id !== question.author?.id && !optedOut.has(id)) out.add(id);
  }
  return [...out].sort();
}
