import type { Note } from '../model';
import type { PulledQuestionEvent, QuestionEvent } from '../questions/events';
import { isPrivateQuestion } from '../questions/privacy';
import { normalizeText, tokenize } from '../text/normalize';
import type { Evidence, EvidenceKind } from './types';

/** A thank as the endpoint holds it: who thanked which note, when. */
export interface ThankLike {
  noteId: string;
  memberId: string;
  createdAt: number;
}

export interface EvidenceInput {
  notes: readonly Note[];
  /** Confirmations count only from the asker or a facilitator (pulled events carry the role). */
  events: readonly (QuestionEvent | PulledQuestionEvent)[];
  thanks: readonly ThankLike[];
}

/** Words too short to say what a note is about. */
const MIN_WORD = 4;
/** Longer words that still say nothing of a topic ("what", "without"): they would make everyone fit a bit. */
const NOT_TOPICS = new Set(
  (
    'about after again also always anybody anyone anything around because been before being best better cannot ' +
    'could does doing done each else even ever every from have having here into just know like make many more ' +
    'most much must need only other over really same should some someone something still such sure than that ' +
    'their them then there these they thing think this those through very want were what when where which while ' +
    'will with without would your'
  ).split(' '),
);

/**
 * A note's topics: its tags and the longer words of its takeaway, and of a question's own words (a question
 * harvested from a chat often has no takeaway: its quote is the question), through the one normaliser,
 * de-duplicated. Numbers and words that name no topic are left out.
 */
export function topicsOf(note: Pick<Note, 'tags' | 'takeaway'> & Partial<Pick<Note, 'kind' | 'quote'>>): string[] {
  const out = new Set(note.tags.map((t) => normalizeText(t)));
  const words = note.kind === 'question' ? `${note.takeaway} ${note.quote ?? ''}` : note.takeaway;
  for (const w of tokenize(words)) if (w.length >= MIN_WORD && !NOT_TOPICS.has(w) && !/^\d+$/.test(w)) out.add(w);
  return [...out];
}

/** Where a note was harvested, in words: "#channel" for a chat, the page title otherwise. */
export function whereOf(note: Note): string {
  if (note.chat?.channel) return `#${note.chat.channel.replace(/^#/, '')}`;
  return note.page.title ?? '';
}

function mayConfirm(e: QuestionEvent | PulledQuestionEvent, question: Note): boolean {
  return e.by === question.author?.id || ('byRole' in e && e.byRole !== 'member');
}

/** Private when the note came from a private channel or DM (or a chat that could not tell). */
const isPrivateNote = (note: Note): boolean => isPrivateQuestion(note);

/**
 * Every piece of evidence Commonplace holds: credited chat authors and contributors, answers (on the question's
 * topics), confirmations, thanks and reuse (me-toos and answers pointing at someone's note). Nobody earns
 * evidence from their own note or their own thanks.
 */
export function collectEvidence(input: EvidenceInput): Evidence[] {
  const byId = new Map(input.notes.filter((n) => !n.deletedAt).map((n) => [n.id, n]));
  const out: Evidence[] = [];
  // One question answered many times is read once (its words go through the normaliser once).
  const topicsMemo = new Map<string, string[]>();
  const topicsOfNote = (n: Note) => topicsMemo.get(n.id) ?? topicsMemo.set(n.id, topicsOf(n)).get(n.id)!;
  const add = (memberId: string | undefined, kind: EvidenceKind, note: Note, at: number, about: Note = note) => {
    if (!memberId) return;
    out.push({
      memberId,
      kind,
      noteId: note.id,
      at,
      where: whereOf(about),
      topics: [...topicsOfNote(about)],
      isPrivate: isPrivateNote(note) || isPrivateNote(about),
    });
  };
  for (const note of byId.values()) {
    const credited = new Set<string>();
    for (const c of note.contributors ?? []) credited.add(c.id);
    for (const m of note.chat?.messages ?? []) if (m.authorId) credited.add(m.authorId);
    for (const id of credited) if (id !== note.author?.id) add(id, 'credited', note, note.createdAt);
    const answered = note.links?.answers ? byId.get(note.links.answers) : undefined;
    if (answered && answered.author?.id !== note.author?.id)
      add(note.author?.id, 'answered', note, note.createdAt, answered);
    const reused = note.links?.addsTo ? byId.get(note.links.addsTo) : undefined;
    if (reused && reused.author?.id !== note.author?.id) add(reused.author?.id, 'reused', reused, note.createdAt);
  }
  for (const e of input.events) {
    const question = byId.get(e.questionId);
    if (!question) continue;
    if (e.type === 'answer-linked') {
      const answer = byId.get(e.noteId);
      if (answer && answer.author?.id !== question.author?.id)
        add(answer.author?.id, 'answered', answer, e.at, question);
    } else if (e.type === 'confirmed' && e.isAnswered && e.answerId && mayConfirm(e, question)) {
      const answer = byId.get(e.answerId);
      if (answer && answer.author?.id !== question.author?.id)
        add(answer.author?.id, 'confirmed', answer, e.at, question);
    }
  }
  for (const t of input.thanks) {
    const note = byId.get(t.noteId);
    if (note && note.author?.id !== t.memberId) add(note.author?.id, 'thanked', note, t.createdAt);
  }
  return out;
}
