import { NOTE_KINDS, type NoteKind } from '../model';
import { allStrings, checkPackedStrings, entriesOf, packStrings, stringAt, type PackedStrings } from './packed-columns';

/** What a slot keeps of its note: enough to rank, to unindex, and to save without the note itself. */
export interface SlotFacts {
  id: string;
  kind: NoteKind;
  updatedAt: number;
}

/** One slot as save() hands it over: its facts, its term ids (into `words`) and its three keys. */
export interface SlotRow {
  facts: SlotFacts;
  terms: ArrayLike<number>;
  page: string | undefined;
  thread: string | undefined;
  quote: string | undefined;
}

/**
 * 2: packed columns (typed arrays and UTF-8 blocks) instead of arrays of strings. A row of any other format is
 * refused by `SavedSegment.open`, so an older saved index is rebuilt, never misread.
 */
export const SAVED_FORMAT = 2;

/** The index as IndexedDB keeps it: typed arrays only, besides two small arrays and numbers. */
export interface SavedSimilarityIndex {
  format: typeof SAVED_FORMAT;
  size: number;
  wordCount: number;
  words: PackedStrings;
  kindNames: string[];
  kinds: Uint8Array;
  updatedAt: Float64Array;
  /** Slot i's term ids are termData[termStarts[i] .. termStarts[i + 1]). */
  termStarts: Uint32Array;
  termData: Uint32Array;
  ids: PackedStrings;
  pageKeys: PackedStrings;
  threadKeys: PackedStrings;
  quoteKeys: PackedStrings;
}

export type KeyKind = 'page' | 'thread' | 'quote';

/**
 * A saved index opened for reading as it lies: facts and keys are read from the columns when a query asks
 * for a slot, never copied into per-note objects. Only the postings are derived at open (two passes over the
 * term ids, typed arrays), cheaper than storing them.
 */
export class SavedSegment {
  readonly size: number;
  readonly words: string[];
  private readonly postingStarts: Uint32Array;
  private readonly postingData: Uint32Array;

  private constructor(private readonly saved: SavedSimilarityIndex) {
    this.size = saved.size;
    this.words = allStrings(saved.words, saved.wordCount);
    const counts = new Uint32Array(saved.wordCount + 1);
    const termData = saved.termData;
    // Indexed loops: for..of over a typed array costs several times more in V8.
    for (let k = 0; k < termData.length; k++) counts[termData[k]! + 1]! += 1;
    for (let t = 0; t < saved.wordCount; t++) counts[t + 1]! += counts[t]!;
    this.postingStarts = counts;
    const fill = counts.slice(0, saved.wordCount);
    const data = new Uint32Array(termData.length);
    const starts = saved.termStarts;
    for (let slot = 0; slot < saved.size; slot++) {
      for (let k = starts[slot]!, end = starts[slot + 1]!; k < end; k++) data[fill[termData[k]!]!++] = slot;
    }
    this.postingData = data;
  }

  /** Opens a row `pack` wrote; throws a RangeError on anything else (another format, damaged data). */
  static open(saved: SavedSimilarityIndex): SavedSegment {
    const n = saved?.size;
    if (saved?.format !== SAVED_FORMAT || typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new RangeError('Not a saved similarity index');
    }
    const ok =
      Number.isInteger(saved.wordCount) &&
      Array.isArray(saved.kindNames) &&
      saved.kindNames.every((k) => (NOTE_KINDS as readonly string[]).includes(k)) &&
      saved.kinds instanceof Uint8Array &&
      saved.kinds.length === n &&
      saved.updatedAt instanceof Float64Array &&
      saved.updatedAt.length === n &&
      saved.termStarts instanceof Uint32Array &&
      saved.termStarts.length === n + 1 &&
      saved.termData instanceof Uint32Array &&
      saved.termStarts[n] === saved.termData.length;
    if (!ok) throw new RangeError('Saved similarity index is corrupt');
    for (let i = 0; i < n; i++) {
      if (saved.termStarts[i]! > saved.termStarts[i + 1]! || saved.kinds[i]! >= saved.kindNames.length) {
        throw new RangeError('Saved similarity index is corrupt');
      }
    }
    let maxTerm = -1;
    for (let k = 0; k < saved.termData.length; k++) if (saved.termData[k]! > maxTerm) maxTerm = saved.termData[k]!;
    if (maxTerm >= saved.wordCount) throw new RangeError('Saved similarity index is corrupt');
    checkPackedStrings(saved.words, saved.wordCount);
    for (const col of [saved.ids, saved.pageKeys, saved.threadKeys, saved.quoteKeys]) checkPackedStrings(col, n);
    return new SavedSegment(saved);
  }

  /** Packs slots (term ids into `words`) into a row for `open`. */
  static pack(rows: readonly SlotRow[], words: readonly string[]): SavedSimilarityIndex {
    const steps = SavedSegment.packInSlices(rows, words);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /** `pack`, pausing after each column (a column of 100k strings is a few hundred ms in a service worker). */
  static *packInSlices(rows: readonly SlotRow[], words: readonly string[]): Generator<void, SavedSimilarityIndex> {
    const kindNames = [...new Set(rows.map((r) => r.facts.kind))];
    const termStarts = new Uint32Array(rows.length + 1);
    let total = 0;
    rows.forEach((r, i) => {
      termStarts[i] = total;
      total += r.terms.length;
    });
    termStarts[rows.length] = total;
    const termData = new Uint32Array(total);
    rows.forEach((r, i) => termData.set(r.terms, termStarts[i]));
    yield;
    const packedWords = packStrings(words);
    yield;
    const ids = packStrings(rows.map((r) => r.facts.id));
    yield;
    const pageKeys = packStrings(rows.map((r) => r.page ?? ''));
    yield;
    const threadKeys = packStrings(rows.map((r) => r.thread ?? ''));
    yield;
    const quoteKeys = packStrings(rows.map((r) => r.quote ?? ''));
    return {
      format: SAVED_FORMAT,
      size: rows.length,
      wordCount: words.length,
      words: packedWords,
      kindNames,
      kinds: Uint8Array.from(rows, (r) => kindNames.indexOf(r.facts.kind)),
      updatedAt: Float64Array.from(rows, (r) => r.facts.updatedAt),
      termStarts,
      termData,
      ids,
      pageKeys,
      threadKeys,
      quoteKeys,
    };
  }

  facts(slot: number): SlotFacts {
    const s = this.saved;
    return { id: stringAt(s.ids, slot), kind: s.kindNames[s.kinds[slot]!] as NoteKind, updatedAt: s.updatedAt[slot]! };
  }

  updatedAt(slot: number): number {
    return this.saved.updatedAt[slot]!;
  }

  terms(slot: number): Uint32Array {
    return this.saved.termData.subarray(this.saved.termStarts[slot], this.saved.termStarts[slot + 1]);
  }

  /** The slots holding term `t`, ascending. */
  postings(t: number): Uint32Array {
    return this.postingData.subarray(this.postingStarts[t], this.postingStarts[t + 1]);
  }

  key(kind: KeyKind, slot: number): string | undefined {
    return stringAt(this.column(kind), slot) || undefined;
  }

  slotsOf(kind: KeyKind, key: string): number[] {
    return entriesOf(this.column(kind), key);
  }

  slotOfId(id: string): number | undefined {
    return entriesOf(this.saved.ids, id)[0];
  }

  private column(kind: KeyKind): PackedStrings {
    return kind === 'page' ? this.saved.pageKeys : kind === 'thread' ? this.saved.threadKeys : this.saved.quoteKeys;
  }
}
