/**
 * Instant search over tens of thousands of notes, usable from Node and any extension page.
 *
 * An inverted index of normalised tokens (prefix and typo expansion) narrows each query to a few hundred
 * candidates; Fuse.js ranks only those, blended with match quality, field weights, recency and thanks.
 * The index holds compact `SearchDoc`s as varint term ids, so it is cheap to keep, save and load.
 *
 * ```ts
 * const index = SearchIndex.build(notes.map((n) => toSearchDoc(n)));
 * index.search('react hoks tag:frontend', { limit: 20 }); // [{ id, score }, ...] best first
 * index.upsert(toSearchDoc(edited)); index.remove(id);
 * const bytes = index.serialize(); const again = SearchIndex.load(bytes);
 * ```
 */
import type { SearchDoc } from './doc';
import { runSearch, type SearchHit, type SearchOptions } from './search';
import { loadStore, serializeStore } from './serialize';
import { Store } from './store';
import { FILTER_MARK } from './vocab';

export { toSearchDoc, FIELD_LIMITS, type SearchDoc } from './doc';
export { parseQuery, QUERY_HELP, type ParsedQuery } from './query';
export type { SearchHit, SearchOptions } from './search';

export class SearchIndex {
  private constructor(private store: Store) {}

  /** A new index of `docs` (a later doc with the same id replaces an earlier one). */
  static build(docs: Iterable<SearchDoc> = []): SearchIndex {
    const index = new SearchIndex(new Store());
    for (const doc of docs) index.upsert(doc);
    return index;
  }

  /** An index from `serialize()`'s bytes. Throws a RangeError on bytes that are not a saved index. */
  static load(bytes: Uint8Array): SearchIndex {
    return new SearchIndex(loadStore(bytes));
  }

  /** Number of docs indexed. */
  get size(): number {
    return this.store.size;
  }

  has(id: string): boolean {
    return this.store.slotOf(id) !== undefined;
  }

  /** Adds a doc, or replaces the doc with the same id (edits, thanks, sync). */
  upsert(doc: SearchDoc): void {
    this.remove(doc.id);
    this.store.add(doc);
  }

  /** Same as upsert: reads better at call sites that know the note is new. */
  add(doc: SearchDoc): void {
    this.upsert(doc);
  }

  /** Same as upsert, for call sites that know the note exists. */
  update(doc: SearchDoc): void {
    this.upsert(doc);
  }

  /** Removes a doc (deleted notes, tombstones from sync); false if it was not indexed. */
  remove(id: string): boolean {
    const slot = this.store.slotOf(id);
    if (slot === undefined) return false;
    this.store.removeSlot(slot);
    return true;
  }

  /**
   * Builds the lookups that are otherwise made on first use (sorted vocabulary for prefixes, trigrams for
   * typos). Call it when the page is idle after loading, e.g. in requestIdleCallback, so the first typo'd
   * keystroke does not pay for it.
   */
  warm(): void {
    this.store.vocab.warm();
  }

  /**
   * Queries to run once after loading, hits thrown away, so the engine's JIT has compiled the search path
   * before the first real keystroke (cold, the first searches at 100k notes take 10-27 ms in Node; after
   * these, 2-6 ms). Made of the index's own commonest words, typed as a user types them: each prefix, a typo,
   * two words, a tag filter. Empty for an empty index.
   */
  rehearsalQueries(): string[] {
    const { vocab } = this.store;
    const words = vocab
      .withPrefix('', 200)
      .map((id) => vocab.terms[id]!)
      .filter((t) => /^\p{L}{4,}$/u.test(t))
      .slice(0, 3);
    const tag = this.topTags(1)[0]?.tag;
    const out: string[] = [];
    for (const w of words) {
      for (let i = 1; i <= w.length; i++) out.push(w.slice(0, i));
      out.push(w.slice(0, 1) + w[2] + w[1] + w.slice(3)); // two letters swapped
    }
    if (words.length >= 2) out.push(`${words[0]} ${words[1]}`, `${words[1]} ${words[2] ?? words[0]!.slice(0, 2)}`);
    if (tag && words[0]) out.push(`tag:${tag} ${words[0]}`);
    return out;
  }

  /** Hits for a query of the QUERY_HELP language, best first. An empty query gives the newest notes. */
  search(query: string, options?: SearchOptions): SearchHit[] {
    return runSearch(this.store, query, options);
  }

  /**
   * The most used tags with their live note counts, most used first. The index counts them already, so a
   * popup's tag chips cost nothing where a scan of the notes' tag index costs a pass over every tag.
   */
  topTags(limit: number): { tag: string; count: number }[] {
    const prefix = `${FILTER_MARK}tag:`;
    const { vocab } = this.store;
    return vocab
      .withPrefix(prefix, limit)
      .map((id) => ({ tag: vocab.terms[id]!.slice(prefix.length), count: vocab.df[id]! }));
  }

  /** Compact bytes for IndexedDB; `SearchIndex.load` reads them back. */
  serialize(): Uint8Array {
    return serializeStore(this.store);
  }

  /** Bytes held in typed arrays (benchmark figure; strings and maps come on top). */
  byteSize(): number {
    return this.store.byteSize();
  }
}
