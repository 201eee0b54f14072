import type { ChatContext, Note, NoteKind } from '../model';
import { tokenize } from '../text/normalize';
import type { SimilarityIndex } from './similarity-index';
import { comparableText, quoteKey } from './text-of';
import { threadKey } from './thread-key';

/** What the capture panel knows before saving. */
export interface SimilarityDraft {
  quote: string;
  takeaway?: string;
  /** lib/model pageKey() of the page being harvested. */
  pageKey?: string;
  chat?: ChatContext;
  kind?: NoteKind;
  /** A note to leave out (the one being edited). */
  excludeId?: string;
}

export type SimilarReason = 'same-quote' | 'same-thread' | 'same-page' | 'similar-words';

export interface SimilarNote {
  note: Note;
  /** Higher is closer; same quote > same thread > same page, each plus the word cosine (0..1). */
  score: number;
  /** Word cosine alone (TF-IDF over normalised tokens), for display or tuning. */
  wordScore: number;
  reasons: SimilarReason[];
}

export interface FindSimilarOptions {
  limit?: number;
  /** Word cosine at or above which notes on other pages count as similar (tuned on seeded pairs). */
  minWordScore?: number;
}

/** Default threshold: precision/recall on the seeded pairs in find-similar.test.ts. */
export const DEFAULT_MIN_WORD_SCORE = 0.6;

const BONUS: Record<Exclude<SimilarReason, 'similar-words'>, number> = {
  'same-quote': 1,
  'same-thread': 0.6,
  'same-page': 0.3,
};

/** A note like the draft, known by id: what the index alone can tell (see findSimilar for the notes). */
export interface SimilarMatch {
  id: string;
  score: number;
  wordScore: number;
  reasons: SimilarReason[];
}

/**
 * Up to `limit` (3) notes like the draft, best first: same quote (also one quote inside the other on the same
 * page), same chat thread, same page, or close by words. Questions prefer questions, answers prefer questions
 * (to link the answer). Answers from the prebuilt index alone (no note is read), so it stays fast while the
 * capture panel opens; the caller reads the few notes it shows.
 */
export function rankSimilar(
  index: SimilarityIndex,
  draft: SimilarityDraft,
  { limit = 3, minWordScore = DEFAULT_MIN_WORD_SCORE }: FindSimilarOptions = {},
): SimilarMatch[] {
  const found = new Map<number, { reasons: Set<SimilarReason>; word: number }>();
  const mark = (slot: number, reason: SimilarReason) => {
    let f = found.get(slot);
    if (!f) found.set(slot, (f = { reasons: new Set(), word: 0 }));
    f.reasons.add(reason);
  };
  const qk = quoteKey(draft.quote);
  for (const slot of index.slots('quote', qk)) mark(slot, 'same-quote');
  for (const slot of index.slots('thread', threadKey(draft.chat))) mark(slot, 'same-thread');
  for (const slot of index.slots('page', draft.pageKey)) {
    mark(slot, 'same-page');
    const other = index.quoteKeyOf(slot);
    if (qk && other && (other.includes(qk) || qk.includes(other))) mark(slot, 'same-quote');
  }
  const words = tokenize(comparableText(draft.quote, draft.takeaway ?? '', draft.chat?.threadRoot?.text));
  if (words.length) {
    for (const [slot, cos] of index.wordScores(words, minWordScore, found.keys())) {
      if (cos >= minWordScore) mark(slot, 'similar-words');
      const f = found.get(slot);
      if (f) f.word = cos;
    }
  }
  const out: (SimilarMatch & { updatedAt: number })[] = [];
  for (const [slot, f] of found) {
    const note = index.factsOf(slot);
    if (!note || note.id === draft.excludeId) continue;
    let score = f.word;
    for (const r of f.reasons) if (r !== 'similar-words') score += BONUS[r];
    if (draft.kind === 'question' || draft.kind === 'answer') score += note.kind === 'question' ? 0.05 : 0;
    else if (draft.kind && note.kind === draft.kind) score += 0.05;
    out.push({
      id: note.id,
      score,
      wordScore: f.word,
      reasons: ORDER.filter((r) => f.reasons.has(r)),
      updatedAt: note.updatedAt,
    });
  }
  return out
    .sort((a, b) => b.score - a.score || b.updatedAt - a.updatedAt)
    .slice(0, limit)
    .map(({ updatedAt: _, ...m }) => m);
}

/** rankSimilar with the notes themselves, for an index built from notes in this session (tests, benches). */
export function findSimilar(
  index: SimilarityIndex,
  draft: SimilarityDraft,
  options?: FindSimilarOptions,
): SimilarNote[] {
  return rankSimilar(index, draft, options).flatMap((m) => {
    const note = index.noteById(m.id);
    return note ? [{ note, score: m.score, wordScore: m.wordScore, reasons: m.reasons }] : [];
  });
}

const ORDER: SimilarReason[] = ['same-quote', 'same-thread', 'same-page', 'similar-words'];
