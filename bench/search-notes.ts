import { NOTE_SCHEMA_VERSION, pageKey, type Note } from '../lib/model';
import type { SearchDoc } from '../lib/search';

/**
 * A search-corpus doc as a stored note (deterministic id from its position), for seeding the extension's
 * database in bench:popup and the popup search E2E test.
 */
export function corpusNote(d: SearchDoc, i: number): Note {
  const url = `https://${d.site}/p/${i}`;
  return {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: `${(0x10000000 + i).toString(16)}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
    kind: d.kind,
    quote: d.quote,
    takeaway: d.takeaway,
    tags: d.tags.map((t) => t.toLowerCase()).slice(0, 32),
    selectors: [],
    page: { url, canonicalUrl: url, title: d.title || d.site },
    pageKey: pageKey(url),
    createdAt: d.createdAt,
    updatedAt: d.createdAt,
    ...(d.author ? { author: { id: `m-${d.author}`, name: d.author } } : {}),
  };
}
