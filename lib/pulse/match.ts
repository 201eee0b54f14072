import { rankSimilar, type SimilarityIndex, type SimilarMatch } from '../similarity';

/**
 * Word cosine (the similarity index's TF-IDF over the one normaliser's tokens) at or above which a blocker
 * counts as already answered by a note. Chosen on the labelled set (lib/pulse/labelled-set): see its README
 * for the sweep; the regression test holds the precision and recall it gives.
 */
export const MATCH_MIN_SCORE = 0.3;

/**
 * The note of the harvest that best answers a free-text poll answer, or null. A pure question of the index:
 * the same index and words always give the same note. Exact same quote counts too (rankSimilar's reasons).
 */
export function matchAnswer(
  index: SimilarityIndex,
  answer: string,
  minScore: number = MATCH_MIN_SCORE,
): SimilarMatch | null {
  const [best] = rankSimilar(index, { quote: answer }, { limit: 1, minWordScore: minScore });
  if (!best) return null;
  return best.reasons.includes('same-quote') || best.wordScore >= minScore ? best : null;
}
