import { NOTE_KINDS, type NoteKind } from '../model/note';
import { normalizeText, tokenizeNormalized } from '../text/normalize';
import type { SearchDoc } from './doc';
import { FIELD_LIMITS } from './doc';
import { Postings } from './postings';
import { filterTerms } from './query';
import { FILTER_MARK, Vocab } from './vocab';

/** Text fields in stored order; Fuse sees these. A sixth, hidden field holds the filter terms. */
export const TEXT_FIELDS = ['title', 'quote', 'takeaway', 'site', 'tags'] as const;
export const FIELD_COUNT = TEXT_FIELDS.length + 1;
/** A note's recency halves every 90 days. */
export const RECENCY_HALF_LIFE_MS = 90 * 86_400_000;
/** Recency is kept relative to this instant (see Store.recencyBase); any fixed instant within centuries works. */
const RECENCY_ANCHOR = Date.UTC(2026, 0, 1);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a slot stores besides its terms; `kind` is an index into NOTE_KINDS. */
export interface DocFacts {
  id: string;
  createdAt: number;
  thanks: number;
  kind: number;
  answers?: string | undefined;
}

/** The term strings of a doc, per field (last = filter terms). */
export function docTerms(doc: SearchDoc): string[][] {
  const words = (s: string, max: number) => tokenizeNormalized(normalizeText(s.slice(0, max)));
  const tags = doc.tags.slice(0, 32).map((t) => t.slice(0, 64));
  const meta = [`kind:${doc.kind}`];
  for (const t of tags) meta.push(...filterTerms('tag', t).map((v) => `tag:${v}`));
  const host = filterTerms('site', doc.site.slice(0, 253))[0] ?? '';
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) meta.push(`site:${labels.slice(i).join('.')}`);
  for (const a of filterTerms('by', (doc.author ?? '').slice(0, 200))) meta.push(`by:${a}`);
  for (const c of filterTerms('in', (doc.community ?? '').slice(0, 300))) meta.push(`in:${c}`);
  return [
    words(doc.title, FIELD_LIMITS.title),
    words(doc.quote, FIELD_LIMITS.quote),
    words(doc.takeaway, FIELD_LIMITS.takeaway),
    words(doc.site, 253),
    tags.flatMap((t) => words(t, 64)),
    meta.map((m) => FILTER_MARK + m),
  ];
}

/**
 * The index's storage: per-slot facts in typed arrays, each slot's term ids varint-packed in one arena (the
 * "forward" store Fuse's text is rebuilt from), and the postings. Slots of removed docs are reused.
 */
export class Store {
  vocab: Vocab;
  postings: Postings;
  cap = 0;
  end = 0;
  size = 0;
  /** Bumped on every add and remove: caches derived from the docs key off it. */
  version = 0;
  private free: number[] = [];
  alive = new Uint8Array(0);
  createdAt = new Float64Array(0);
  /**
   * 2^((createdAt - anchor) / half-life): a slot's recency at any instant is this times one factor for that
   * instant (recencyFactor), capped at 1. So a search reads recency for the slots it touches, with no pass over
   * every note when the clock moves on or a note changes (that pass cost 10 ms at 100k notes in the search host).
   */
  recencyBase = new Float64Array(0);
  thanks = new Uint32Array(0);
  kind = new Uint8Array(0);
  private uuid = new Uint8Array(0);
  private otherIds = new Map<number, string>();
  private fwd = new Uint8Array(1 << 16);
  /** Each slot's packed term ids are fwd[fwdAt[slot] .. fwdEndOf[slot]). */
  private fwdAt = new Uint32Array(0);
  private fwdEndOf = new Uint32Array(0);
  private fwdEnd = 0;
  private garbage = 0;
  private answersOf = new Map<number, string>();
  private answerCount = new Map<string, number>();
  private bySlotId: Map<string, number> | null = null;

  constructor(vocab = new Vocab(), capacity = 1024) {
    this.vocab = vocab;
    this.postings = new Postings(0);
    this.reserve(capacity);
  }

  reserve(capacity: number) {
    if (capacity <= this.cap) return;
    const c = Math.max(capacity, Math.ceil(this.cap * 1.5));
    this.alive = grow(this.alive, c);
    this.createdAt = grow(this.createdAt, c);
    this.recencyBase = grow(this.recencyBase, c);
    this.thanks = grow(this.thanks, c);
    this.kind = grow(this.kind, c);
    this.uuid = grow(this.uuid, c * 16);
    this.fwdAt = grow(this.fwdAt, c);
    this.fwdEndOf = grow(this.fwdEndOf, c);
    this.cap = c;
    this.postings.reserve(this.vocab.terms.length, c);
  }

  /** The factor turning recencyBase into recency (0..1 once capped) at `at`. */
  recencyFactor(at: number): number {
    return 2 ** ((RECENCY_ANCHOR - at) / RECENCY_HALF_LIFE_MS);
  }

  slotOf(id: string): number | undefined {
    if (!this.bySlotId) {
      this.bySlotId = new Map();
      for (let s = 0; s < this.end; s++) if (this.alive[s]) this.bySlotId.set(this.idOf(s), s);
    }
    return this.bySlotId.get(id);
  }

  idOf(slot: number): string {
    const other = this.otherIds.get(slot);
    if (other !== undefined) return other;
    let hex = '';
    for (let i = 0; i < 16; i++) {
      hex += (this.uuid[slot * 16 + i]! + 0x100).toString(16).slice(1);
      if (i === 3 || i === 5 || i === 7 || i === 9) hex += '-';
    }
    return hex;
  }

  /**
   * Fills an empty store from saved blocks in one go: facts arrays, the packed term ids copied as one
   * byte block (`lengths[i]` bytes per doc), postings and frequencies rebuilt by Postings.fill.
   */
  loadBlocks(b: {
    count: number;
    uuids: Uint8Array;
    otherIds: Map<number, string>;
    createdAt: Float64Array;
    kind: Uint8Array;
    thanks: Uint32Array;
    answers: Map<number, string>;
    lengths: Uint32Array;
    forward: Uint8Array;
  }) {
    const n = b.count;
    this.reserve(Math.max(n, 16));
    this.uuid.set(b.uuids);
    this.otherIds = b.otherIds;
    this.createdAt.set(b.createdAt);
    for (let i = 0; i < n; i++) this.recencyBase[i] = recencyBaseOf(b.createdAt[i]!);
    this.kind.set(b.kind);
    this.thanks.set(b.thanks);
    this.alive.fill(1, 0, n);
    for (const [slot, q] of b.answers) {
      this.answersOf.set(slot, q);
      this.answerCount.set(q, (this.answerCount.get(q) ?? 0) + 1);
    }
    this.fwd = b.forward.slice();
    let pos = 0;
    for (let i = 0; i < n; i++) {
      this.fwdAt[i] = pos;
      pos += b.lengths[i]!;
      this.fwdEndOf[i] = pos;
    }
    if (pos !== this.fwd.length) throw new RangeError('Search index data is corrupt');
    this.fwdEnd = pos;
    this.end = n;
    this.size = n;
    this.version++;
    const termCount = this.vocab.terms.length;
    const seen = this.seen(0);
    const fwd = this.fwd;
    this.postings.fill(termCount, this.cap, (visit) => {
      seen.fill(-1); // stamps are slot numbers, increasing within a pass
      let p = 0;
      for (let slot = 0; slot < n; slot++) {
        for (let f = 0; f < FIELD_COUNT; f++) {
          let count = 0;
          for (let shift = 0, x = 0x80; x >= 0x80; shift += 7) count |= ((x = fwd[p++]!) & 0x7f) << shift;
          for (let i = 0; i < count; i++) {
            let t = 0;
            for (let shift = 0, x = 0x80; x >= 0x80; shift += 7) t |= ((x = fwd[p++]!) & 0x7f) << shift;
            if (t >= termCount || p > this.fwdEndOf[slot]!) throw new RangeError('Search index data is corrupt');
            if (seen[t] === slot) continue;
            seen[t] = slot;
            visit(slot, t);
          }
        }
      }
    });
    this.vocab.df.set(this.postings.count.subarray(0, termCount));
  }

  /** Adds `doc`; the caller has removed any older version. */
  add(doc: SearchDoc): number {
    const ids = docTerms(doc).map((f) => f.map((t) => this.vocab.intern(t)));
    const meta = { ...doc, kind: Math.max(0, NOTE_KINDS.indexOf(doc.kind)) };
    return this.addIds(meta, ids);
  }

  /** Adds a doc already turned into term ids of this vocabulary (loading saved data). */
  addIds(doc: DocFacts, ids: number[][]): number {
    this.version++;
    const slot = this.free.pop() ?? this.end++;
    this.reserve(this.end);
    this.alive[slot] = 1;
    this.createdAt[slot] = Number.isFinite(doc.createdAt) ? doc.createdAt : 0;
    this.recencyBase[slot] = recencyBaseOf(this.createdAt[slot]);
    this.thanks[slot] = Math.max(0, Math.min(doc.thanks || 0, 0xffffffff)) >>> 0;
    this.kind[slot] = doc.kind;
    this.setId(slot, doc.id);
    if (doc.answers) {
      this.answersOf.set(slot, doc.answers);
      this.answerCount.set(doc.answers, (this.answerCount.get(doc.answers) ?? 0) + 1);
    }
    this.postings.reserve(this.vocab.terms.length, this.cap);
    this.writeForward(slot, ids);
    const seen = this.seen(slot);
    for (const field of ids) {
      for (const t of field) {
        if (seen[t] === slot + 1) continue;
        seen[t] = slot + 1;
        this.postings.add(t, slot);
        this.vocab.df[t]!++;
      }
    }
    this.size++;
    this.bySlotId?.set(doc.id, slot);
    return slot;
  }

  removeSlot(slot: number) {
    this.version++;
    const seen = this.seen(-1);
    for (const field of this.fields(slot)) {
      for (const t of field) {
        if (seen[t] === 0) continue;
        seen[t] = 0;
        this.postings.remove(t, slot);
        this.vocab.df[t]!--;
      }
    }
    const q = this.answersOf.get(slot);
    if (q !== undefined) {
      const n = (this.answerCount.get(q) ?? 1) - 1;
      if (n > 0) this.answerCount.set(q, n);
      else this.answerCount.delete(q);
      this.answersOf.delete(slot);
    }
    this.bySlotId?.delete(this.idOf(slot));
    this.otherIds.delete(slot);
    this.alive[slot] = 0;
    this.garbage += this.fwdEndOf[slot]! - this.fwdAt[slot]!;
    this.free.push(slot);
    this.size--;
  }

  isUnanswered(slot: number): boolean {
    return NOTE_KINDS[this.kind[slot]!] === 'question' && !this.answerCount.has(this.idOf(slot));
  }

  kindOf(slot: number): NoteKind {
    return NOTE_KINDS[this.kind[slot]!]!;
  }

  /** The facts of a live slot, as addIds takes them. */
  factsOf(slot: number): DocFacts {
    return {
      id: this.idOf(slot),
      createdAt: this.createdAt[slot]!,
      thanks: this.thanks[slot]!,
      kind: this.kind[slot]!,
      answers: this.answersOf.get(slot),
    };
  }

  /** Term ids of a slot, per field, in text order. */
  fields(slot: number): number[][] {
    const buf = this.fwd;
    let pos = this.fwdAt[slot]!;
    const out: number[][] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      let n = 0;
      for (let shift = 0, b = 0x80; b >= 0x80; shift += 7) {
        b = buf[pos++]!;
        n |= (b & 0x7f) << shift;
      }
      const ids = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let shift = 0, b = 0x80; b >= 0x80; shift += 7) {
          b = buf[pos++]!;
          v |= (b & 0x7f) << shift;
        }
        ids[i] = v;
      }
      out.push(ids);
    }
    return out;
  }

  /**
   * Of a slot's terms, per field, those flagged in `isMatched` (indexed by term id), once each in text order:
   * what ranking needs of a candidate. Walks the packed ids without building the whole field, so a
   * 20,000-character quote costs a candidate no more allocation than a sentence.
   */
  matchedFields(slot: number, isMatched: Uint8Array): number[][] {
    const buf = this.fwd;
    let pos = this.fwdAt[slot]!;
    const out: number[][] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      let n = 0;
      for (let shift = 0, b = 0x80; b >= 0x80; shift += 7) {
        b = buf[pos++]!;
        n |= (b & 0x7f) << shift;
      }
      const ids: number[] = [];
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let shift = 0, b = 0x80; b >= 0x80; shift += 7) {
          b = buf[pos++]!;
          v |= (b & 0x7f) << shift;
        }
        if (isMatched[v] === 1 && !ids.includes(v)) ids.push(v);
      }
      out.push(ids);
    }
    return out;
  }

  /** A zeroed per-term flag array for one search; the caller clears what it set. */
  termFlags(): Uint8Array {
    if (this.flagBuf.length < this.vocab.terms.length) this.flagBuf = new Uint8Array(this.vocab.terms.length * 2);
    return this.flagBuf;
  }
  private flagBuf = new Uint8Array(0);

  /** Bytes held by the typed arrays, for the benchmark. */
  byteSize(): number {
    return this.fwdEnd + this.postings.byteSize() + this.cap * (1 + 8 + 8 + 4 + 1 + 16 + 4) + this.vocab.df.byteLength;
  }

  /**
   * A per-term scratch array marking terms already handled for one slot (stamp `slot + 1`), so adding a doc
   * dedupes its terms without allocating a Set. Stamp -1 fills it with a fresh non-zero mark for removal.
   */
  private seenBuf = new Int32Array(0);
  private scratchBuf = new Float64Array(0);

  private hitsBuf = new Uint8Array(0);
  private qualityBuf = new Float32Array(0);
  /**
   * Slots the last search marked in the match scratch arrays (the first `touchedCount`), cleared before the
   * next search; and room for the slots it kept. Typed, not pushed to arrays: a three-letter prefix touches
   * some 40k slots at 100k notes, and pushing them cost 4 ms a keystroke against 0.2 ms written here.
   */
  private touchedBuf = new Int32Array(0);
  touchedCount = 0;
  private keptBuf = new Int32Array(0);

  /** Zeroed per-slot arrays for matching (see matchGroups), reused across keystrokes to spare the GC. */
  matchScratch(): { hits: Uint8Array; quality: Float32Array; touched: Int32Array; kept: Int32Array } {
    if (this.hitsBuf.length < this.end) {
      this.hitsBuf = new Uint8Array(this.cap);
      this.qualityBuf = new Float32Array(this.cap);
      this.touchedBuf = new Int32Array(this.cap);
      this.keptBuf = new Int32Array(this.cap);
      this.touchedCount = 0;
    }
    const { hitsBuf, qualityBuf, touchedBuf } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const s = touchedBuf[i]!;
      hitsBuf[s] = 0;
      qualityBuf[s] = 0;
    }
    this.touchedCount = 0;
    return { hits: hitsBuf, quality: qualityBuf, touched: touchedBuf, kept: this.keptBuf };
  }

  /** A per-slot scratch array for one search (contents undefined), reused so typing allocates little. */
  scratch(): Float64Array {
    if (this.scratchBuf.length < this.end) this.scratchBuf = new Float64Array(this.cap);
    return this.scratchBuf;
  }

  private seen(slot: number): Int32Array {
    if (this.seenBuf.length < this.vocab.terms.length) {
      this.seenBuf = new Int32Array(Math.max(1024, this.vocab.terms.length * 2));
    }
    if (slot < 0) this.seenBuf.fill(-1);
    return this.seenBuf;
  }

  private setId(slot: number, id: string) {
    if (UUID.test(id)) {
      for (let i = 0, j = 0; i < 16; i++, j += 2) {
        if (id.charCodeAt(j) === 45) j++; // '-'
        this.uuid[slot * 16 + i] = (hexValue(id.charCodeAt(j)) << 4) | hexValue(id.charCodeAt(j + 1));
      }
    } else {
      this.otherIds.set(slot, id);
    }
  }

  private writeForward(slot: number, ids: number[][]) {
    let need = 0;
    for (const f of ids) need += 5 + f.length * 5;
    if (this.garbage > 1 << 16 && this.garbage * 2 > this.fwdEnd) this.compactForward();
    if (this.fwdEnd + need > this.fwd.length) {
      const next = new Uint8Array(Math.max(this.fwd.length * 1.5, this.fwdEnd + need));
      next.set(this.fwd.subarray(0, this.fwdEnd));
      this.fwd = next;
    }
    const start = this.fwdEnd;
    let pos = start;
    const buf = this.fwd;
    const put = (v: number) => {
      while (v >= 0x80) {
        buf[pos++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      buf[pos++] = v;
    };
    for (const f of ids) {
      put(f.length);
      for (const t of f) put(t);
    }
    this.fwdEnd = pos;
    this.setSpan(slot, start, pos);
  }

  private setSpan(slot: number, start: number, end: number) {
    this.fwdAt[slot] = start;
    this.fwdEndOf[slot] = end;
  }

  private compactForward() {
    const next = new Uint8Array(Math.max(1 << 16, (this.fwdEnd - this.garbage) * 1.25));
    let pos = 0;
    for (let s = 0; s < this.end; s++) {
      if (!this.alive[s]) continue;
      const a = this.fwdAt[s]!;
      const b = this.fwdEndOf[s]!;
      next.set(this.fwd.subarray(a, b), pos);
      this.fwdAt[s] = pos;
      this.fwdEndOf[s] = pos + b - a;
      pos += b - a;
    }
    this.fwd = next;
    this.fwdEnd = pos;
    this.garbage = 0;
  }
}

const hexValue = (c: number) => (c <= 57 ? c - 48 : c - 87);

function grow<T extends Uint8Array | Uint32Array | Float64Array>(a: T, n: number): T {
  if (a.length >= n) return a;
  const next = new (a.constructor as { new (n: number): T })(n);
  next.set(a);
  return next;
}

const recencyBaseOf = (createdAt: number) => 2 ** ((createdAt - RECENCY_ANCHOR) / RECENCY_HALF_LIFE_MS);
