import type { SearchDoc } from '../search/doc';

/** A search doc with defaults, for tests: only what a test cares about needs saying. */
export function doc(over: Partial<SearchDoc> & { id: string }): SearchDoc {
  return {
    kind: 'insight',
    title: '',
    quote: '',
    takeaway: '',
    site: 'example.com',
    tags: [],
    createdAt: Date.UTC(2026, 0, 1),
    thanks: 0,
    ...over,
  };
}
