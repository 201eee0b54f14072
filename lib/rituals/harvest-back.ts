import type { ChatContext, ChatMessage, Note, NoteKind } from '../model';
import { noteTitle } from '../digest/card';
import { tokenize } from '../text/normalize';
import type { RitualKind } from '../digest/types';
import type { OccurrenceMarker } from './marker';

/** What one reply becomes: its kind, and for an answer the listed question it answers. */
export interface ReplyProposal {
  message: ChatMessage;
  kind: NoteKind;
  /** The question note this reply answers (AMA and huddle replies that quote or restate a listed question). */
  answers?: Note;
}

export interface HarvestBackPlan {
  occurrence: OccurrenceMarker;
  /** The questions this post listed, found in the root's own words: the only ones a reply may answer. */
  listed: Note[];
  proposals: ReplyProposal[];
  /** Replies already harvested (skipped): the same message, by id, else permalink, else author and time. */
  duplicates: number;
  /** Messages read from the thread as loaded (root included); a virtualised list may hold more. */
  loadedCount: number;
}

/** Share of a question's words a reply must carry to count as quoting or restating it. */
export const ANSWER_MIN_COVERAGE = 0.6;

/** What a reply of each ritual becomes when it answers no listed question. */
const PLAIN_KIND: Record<RitualKind, NoteKind> = {
  ama: 'insight',
  huddle: 'insight',
  'show-and-tell': 'story',
  'win-thread': 'win',
};
const ASKS_QUESTIONS: ReadonlySet<RitualKind> = new Set(['ama', 'huddle']);

/** Word tokens as a sequence joined by single spaces, padded so `includes` matches whole words only. */
const wordLine = (s: string) => ` ${tokenize(s).join(' ')} `;

/** Latest a question may be asked to be on an occurrence's post: the end of its day in the furthest time zone. */
const listedBefore = (day: string) => Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000;

/**
 * The community's questions this post listed: live questions of `communityId`, asked before the occurrence,
 * whose title (what the composer printed for them) stands in the root's text, word for word after
 * normalisation. A question of another community, a later occurrence, or one the post did not print is never
 * listed, whatever it says.
 */
export function listedQuestions(
  rootText: string,
  questions: readonly Note[],
  communityId: string | null,
  day: string,
): Note[] {
  const root = wordLine(rootText);
  const before = listedBefore(day);
  return questions.filter((q) => {
    if (q.kind !== 'question' || q.deletedAt !== undefined || (q.communityId ?? null) !== communityId) return false;
    if (!(q.createdAt < before)) return false;
    // A title cut at its length limit ends in "…": its last, partial word is not compared.
    const title = noteTitle(q).replace(/\S*…$/, '');
    const words = wordLine(title);
    return words.trim().length > 0 && root.includes(words);
  });
}

/** `listedQuestions` for every community at once: what may be listed, before the user picks where notes go. */
export function printedQuestions(rootText: string, questions: readonly Note[], day: string): Note[] {
  const communities = new Set(questions.map((q) => q.communityId ?? null));
  return [...communities].flatMap((c) => listedQuestions(rootText, questions, c, day));
}

/** The listed question a reply quotes or restates, when one clearly does (ties answer none). */
export function questionAnsweredBy(reply: string, listed: readonly Note[]): Note | undefined {
  const words = new Set(tokenize(reply));
  let best: { q: Note; cover: number } | undefined;
  let tie = false;
  for (const q of listed) {
    const qWords = [...new Set(tokenize(noteTitle(q).replace(/\S*…$/, '')))];
    if (qWords.length === 0) continue;
    const cover = qWords.filter((w) => words.has(w)).length / qWords.length;
    if (cover < ANSWER_MIN_COVERAGE) continue;
    if (!best || cover > best.cover) [best, tie] = [{ q, cover }, false];
    else if (cover === best.cover) tie = true;
  }
  return tie ? undefined : best?.q;
}

/** One key per way a stored chat message is known again (id, permalink, author and time), per platform. */
export function messageKeys(platform: string, m: ChatMessage): string[] {
  const keys: string[] = [];
  if (m.id) keys.push(`${platform}\u0000id\u0000${m.id}`);
  if (m.permalink) keys.push(`${platform}\u0000link\u0000${m.permalink}`);
  if (m.author && m.timestamp) keys.push(`${platform}\u0000at\u0000${m.author}\u0000${m.timestamp}`);
  return keys;
}

/** The message keys of replies already harvested as notes of their own (one message each, live). */
export function harvestedKeys(notes: readonly Note[]): Set<string> {
  const out = new Set<string>();
  for (const n of notes) {
    const m = n.chat?.messages;
    if (n.deletedAt !== undefined || !n.chat || m?.length !== 1) continue;
    for (const k of messageKeys(n.chat.platform, m[0]!)) out.add(k);
  }
  return out;
}

/**
 * Harvest-back's proposal for a ritual post's thread (pure): one note per reply not harvested before, its
 * kind decided by the ritual. AMA and huddle replies that quote or restate a question the post listed answer
 * it; other replies are insights. Show & tell replies are stories; Win-of-the-Week replies are wins.
 */
export function planHarvestBack(input: {
  chat: ChatContext;
  occurrence: OccurrenceMarker;
  /** Candidate questions (the store's); only those the root lists, in `communityId`, are ever linked. */
  questions: readonly Note[];
  /** The community the notes go to (null: personal); its questions are the ones the post could list. */
  questionCommunityId: string | null;
  /** Notes already stored for this thread's page: their messages are not proposed again. */
  harvested: readonly Note[];
}): HarvestBackPlan {
  const { chat, occurrence } = input;
  const root = chat.threadRoot ?? chat.messages.find((m) => m.isRoot);
  const listed =
    root && ASKS_QUESTIONS.has(occurrence.kind)
      ? listedQuestions(root.text, input.questions, input.questionCommunityId, occurrence.day)
      : [];
  const seen = harvestedKeys(input.harvested);
  const rootKeys = new Set(root ? messageKeys(chat.platform, root) : []);
  let duplicates = 0;
  const proposals: ReplyProposal[] = [];
  for (const m of chat.messages) {
    const keys = messageKeys(chat.platform, m);
    if (m.isRoot || m === root || keys.some((k) => rootKeys.has(k)) || !m.text.trim()) continue;
    if (keys.some((k) => seen.has(k))) {
      duplicates++;
      continue;
    }
    for (const k of keys) seen.add(k); // a reply rendered twice is proposed once
    const answers = ASKS_QUESTIONS.has(occurrence.kind) ? questionAnsweredBy(m.text, listed) : undefined;
    proposals.push(
      answers ? { message: m, kind: 'answer', answers } : { message: m, kind: PLAIN_KIND[occurrence.kind] },
    );
  }
  return { occurrence, listed, proposals, duplicates, loadedCount: chat.loadedCount ?? chat.messages.length };
}
