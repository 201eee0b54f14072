import type { Note, NoteDraft } from '../model';
import type { SimilarNote } from './find-similar';

/** The event type the digest counts as "duplicate effort avoided" (lib/digest/health.ts reads it). */
export const DUPLICATE_AVOIDED = 'duplicate-avoided';

/**
 * "Add to it": the harvest is saved as a note linked to the existing one (a "me too" carrying this person's
 * takeaway), so credit and context stay with the first note instead of a second copy.
 */
export function addToDraft(draft: NoteDraft, existing: Pick<Note, 'id'>): NoteDraft {
  return { ...draft, links: { ...draft.links, addsTo: existing.id } };
}

/** "This answers it": the harvest becomes an answer linked to the question (which then counts as answered). */
export function answerDraft(draft: NoteDraft, question: Pick<Note, 'id'>): NoteDraft {
  return { ...draft, kind: 'answer', links: { ...draft.links, answers: question.id } };
}

/** The events-table row to write when the user picks an existing note over saving a new one. */
export function duplicateAvoidedEvent(chosen: SimilarNote, at: number) {
  return { type: DUPLICATE_AVOIDED, noteId: chosen.note.id, at, data: { reasons: chosen.reasons } };
}
