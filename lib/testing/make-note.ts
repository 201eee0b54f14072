/**
 * The one note factory of the tests, benchmarks and E2E seeds (test-only: lint keeps production code from
 * importing lib/testing). Every call gives a new, valid, deterministic note; a test overrides what it cares
 * about and states it, rather than leaning on a default.
 */
import { NOTE_SCHEMA_VERSION, pageKey, type Note, type NoteDraft } from '../model';

let n = 0;
const hex = (v: number, len: number) => v.toString(16).padStart(len, '0');

/** The page's key; a malformed address (tests make hostile notes on purpose) keys as itself instead of throwing. */
function keyOf(url: string): string {
  try {
    return pageKey(url);
  } catch {
    return url;
  }
}

/**
 * A valid note draft, as the capture panel sends it; override what a test cares about. The default selector
 * quotes the draft's own quote, so a note that overrides only its quote stays self-consistent.
 */
export function makeDraft(over: Partial<NoteDraft> = {}): NoteDraft {
  n++;
  const url = `https://example.com/articles/${n}`;
  const quote = over.quote ?? `Quote number ${n}: colocate state with the component that uses it.`;
  return {
    kind: 'insight',
    quote,
    takeaway: `Takeaway ${n}`,
    tags: ['react'],
    selectors: quote ? [{ type: 'TextQuoteSelector', exact: quote }] : [],
    page: { url, canonicalUrl: url, title: `Article ${n}` },
    ...over,
  };
}

/** A stored note (as the repository would write it); its pageKey follows its page unless given. */
export function makeNote(over: Partial<Note> = {}): Note {
  const draft = makeDraft(over.quote === undefined ? {} : { quote: over.quote });
  const t = Date.UTC(2026, 10, 1) + n * 1000;
  return {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: `0190${hex(n, 4)}-0000-7000-8000-${hex(n, 12)}`,
    ...draft,
    pageKey: keyOf((over.page ?? draft.page).url),
    createdAt: t,
    updatedAt: t,
    ...over,
  };
}

/**
 * A note with no takeaway, tags or selectors unless given: for golden fixtures and benchmark data, which state
 * everything they hold, so a golden file or a benchmark's input never moves when a default of makeNote does.
 */
export function makeBareNote(over: Partial<Note> = {}): Note {
  return makeNote({ takeaway: '', tags: [], selectors: [], ...over });
}
