import { describe, expect, it } from 'vitest';
import type { NoteDraft } from '../model';
import { addToDraft, answerDraft, duplicateAvoidedEvent } from './add-to';
import { makeNote } from '../testing/make-note';

const draft: NoteDraft = {
  kind: 'insight',
  quote: 'q',
  takeaway: 'mine',
  tags: [],
  selectors: [],
  page: { url: 'https://a.example/', canonicalUrl: 'https://a.example/', title: 'A' },
};

describe('acting on a similar note', () => {
  it('links the harvest to the existing note or question, keeping its own takeaway', () => {
    const existing = makeNote();
    expect(addToDraft(draft, existing)).toEqual({ ...draft, links: { addsTo: existing.id } });
    expect(answerDraft(draft, existing)).toEqual({ ...draft, kind: 'answer', links: { answers: existing.id } });
  });

  it('records the choice as a duplicate-avoided event for the digest', () => {
    const note = makeNote();
    expect(duplicateAvoidedEvent({ note, score: 2, wordScore: 1, reasons: ['same-quote'] }, 7)).toEqual({
      type: 'duplicate-avoided',
      noteId: note.id,
      at: 7,
      data: { reasons: ['same-quote'] },
    });
  });
});
