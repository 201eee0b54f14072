import type { SimilarityIndex } from '../similarity';
import { clusterTexts } from './cluster';
import { matchAnswer, MATCH_MIN_SCORE } from './match';

/** One free-text answer of an occurrence (one per member: the server refuses a second). */
export interface BlockerAnswer {
  text: string;
}

/** A gap in the harvest: people blocked on the same thing that nothing harvested answers yet. */
export interface KnowledgeRequest {
  /** The answer that says it best (the cluster's medoid), in its author's words. */
  summary: string;
  /** Words the answers share. */
  terms: string[];
  /** How many people are blocked on it (each answer is one member's). */
  people: number;
  answers: string[];
}

export interface PulseOutcome {
  matched: { answer: string; noteId: string; score: number }[];
  requests: KnowledgeRequest[];
}

/**
 * Each answer matched against the harvest; the unmatched ones clustered into knowledge requests, most people
 * first. Pure: the same index and answers give the same outcome (the who-knows-what and impact parts of
 * issue 17 reuse it).
 */
export function knowledgeRequests(
  index: SimilarityIndex,
  answers: readonly BlockerAnswer[],
  minScore: number = MATCH_MIN_SCORE,
): PulseOutcome {
  const matched: PulseOutcome['matched'] = [];
  const unmatched: string[] = [];
  for (const a of answers) {
    const m = matchAnswer(index, a.text, minScore);
    if (m) matched.push({ answer: a.text, noteId: m.id, score: m.wordScore });
    else unmatched.push(a.text);
  }
  const requests = clusterTexts(unmatched, (t) => t).map((c) => ({
    summary: c.medoid,
    terms: c.terms,
    people: c.items.length,
    answers: c.items,
  }));
  return { matched, requests };
}
