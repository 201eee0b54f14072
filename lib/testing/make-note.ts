/**
 * The note factory of the tests (test-only: lint keeps production code from importing lib/testing). One
 * other remains, lib/testing/similarity/make-note.ts, with other defaults that the export's golden files and
 * the similarity tests' expectations are written against; merging them means regenerating those goldens.
 */
import { NOTE_SCHEMA_VERSION, pageKey, type Note, type NoteDraft } from '../model';

let n = 0;
const hex = (v: number, len: number) => v.toString(16).padStart(len, '0');

/** A valid note draft, as the capture panel sends it; override what a test cares about. */
export function makeDraft(over: Partial<NoteDraft> = {}): NoteDraft {
  n++;
  const url = `https://example.com/articles/${n}`;
  return {
    kind: 'insight',
    quote: `Quote number ${n}: colocate state with the component that uses it.`,
    takeaway: `Takeaway ${n}`,
    tags: ['react'],
    selectors: [{ type: 'TextQuoteSelector', exact: `Quote number ${n}`, prefix: 'a', suffix: 'b' }],
    page: { url, canonicalUrl: url, title: `Article ${n}` },
    ...over,
  };
}

/** A stored note (as the repository would write it). */
export function makeNote(over: Partial<Note> = {}): Note {
  const draft = makeDraft();
  const t = Date.UTC(2026, 10, 1) + n * 1000;
  return {
    ...draft,
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: `0190${hex(n, 4)}-0000-7000-8000-${hex(n, 12)}`,
    pageKey: pageKey(draft.page.url),
    createdAt: t,
    updatedAt: t,
    ...over,
  };
}
