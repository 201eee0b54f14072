import { NOTE_SCHEMA_VERSION, pageKey, type Note } from '../../model';

let counter = 0;

/** A valid Note with sensible defaults, for tests and benchmarks only (ids are deterministic per process). */
export function makeNote(overrides: Partial<Note> = {}): Note {
  counter += 1;
  const url = overrides.page?.url ?? `https://example.com/articles/${counter}`;
  const t = 1_700_000_000_000 + counter * 1000;
  return {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: `00000000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`,
    kind: 'insight',
    quote: 'A quoted sentence.',
    takeaway: '',
    tags: [],
    selectors: [],
    page: { url, canonicalUrl: url, title: `Article ${counter}` },
    pageKey: pageKey(url),
    createdAt: t,
    updatedAt: t,
    ...overrides,
  };
}
