import { ByteReader, ByteWriter } from './bytes';
import { Store } from './store';
import { Vocab } from './vocab';

const MAGIC = 0x43505349; // "CPSI"
/** 3: quotes indexed whole (2 stopped at 600 characters), so an older saved index is rebuilt. */
const FORMAT = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Compact bytes of the live index, laid out in blocks so loading is mostly copying: terms most-frequent-first
 * (common words take one varint byte), the sorted order of terms (no sort on load), then per-doc columns
 * (ids as 16 raw bytes, delta-coded times, kinds, thanks) and every doc's packed term ids as one block.
 * Postings are not stored: loading rebuilds them from the term ids, cheaper than their bytes.
 */
export function serializeStore(store: Store): Uint8Array {
  const { vocab } = store;
  const live: number[] = [];
  for (let id = 0; id < vocab.terms.length; id++) if (vocab.df[id]! > 0) live.push(id);
  live.sort((a, b) => vocab.df[b]! - vocab.df[a]! || (vocab.terms[a]! < vocab.terms[b]! ? -1 : 1));
  const remap = new Int32Array(vocab.terms.length).fill(-1);
  live.forEach((id, i) => (remap[id] = i));

  const w = new ByteWriter(1 << 20);
  w.uint(MAGIC);
  w.uint(FORMAT);
  w.string(live.map((id) => vocab.terms[id]).join('\u0000'));
  w.uint(live.length);
  for (const id of vocab.sortedIds()) if (remap[id]! >= 0) w.uint(remap[id]!);

  const slots: number[] = [];
  for (let s = 0; s < store.end; s++) if (store.alive[s]) slots.push(s);
  slots.sort((a, b) => store.createdAt[a]! - store.createdAt[b]!);
  const facts = slots.map((s) => store.factsOf(s));
  w.uint(slots.length);
  const uuids = new Uint8Array(slots.length * 16);
  const others: [number, string][] = [];
  facts.forEach((f, i) => {
    if (UUID.test(f.id)) uuids.set(hexBytes(f.id), i * 16);
    else others.push([i, f.id]);
  });
  w.bytes(uuids);
  writeSparse(w, others);
  let prev = 0;
  for (const f of facts) {
    const t = Math.max(0, Math.floor(f.createdAt));
    w.uint(t >= prev ? (t - prev) * 2 : (prev - t) * 2 + 1);
    prev = t;
  }
  w.bytes(Uint8Array.from(facts, (f) => f.kind));
  for (const f of facts) w.uint(f.thanks);
  writeSparse(
    w,
    facts.flatMap((f, i) => (f.answers ? [[i, f.answers] as [number, string]] : [])),
  );
  const fwd = new ByteWriter(1 << 20);
  const lengths: number[] = [];
  for (const s of slots) {
    const start = fwd.pos;
    for (const field of store.fields(s)) {
      fwd.uint(field.length);
      for (const id of field) fwd.uint(remap[id]!);
    }
    lengths.push(fwd.pos - start);
  }
  for (const n of lengths) w.uint(n);
  w.bytes(fwd.result());
  return w.result();
}

/** Rebuilds a store from serializeStore's bytes; throws a RangeError on bytes it did not write. */
export function loadStore(bytes: Uint8Array): Store {
  const r = new ByteReader(bytes);
  if (r.uint() !== MAGIC) throw new RangeError('Not a search index');
  if (r.uint() !== FORMAT) throw new RangeError('Search index format is not supported: rebuild it');
  const joined = r.string();
  const terms = joined === '' ? [] : joined.split('\u0000');
  const termCount = r.uint();
  if (termCount !== terms.length) throw new RangeError('Search index data is corrupt');
  const order = new Array<number>(termCount);
  for (let i = 0; i < termCount; i++) order[i] = checkIndex(r.uint(), termCount);
  const count = r.uint();
  const uuids = r.bytes();
  if (uuids.length !== count * 16) throw new RangeError('Search index data is corrupt');
  const otherIds = readSparse(r, count);
  const createdAt = new Float64Array(count);
  let prev = 0;
  for (let i = 0; i < count; i++) {
    const dt = r.uint();
    createdAt[i] = prev += dt % 2 === 0 ? dt / 2 : -(dt - 1) / 2;
  }
  const kind = r.bytes();
  if (kind.length !== count) throw new RangeError('Search index data is corrupt');
  const thanks = new Uint32Array(count);
  for (let i = 0; i < count; i++) thanks[i] = r.uint();
  const answers = readSparse(r, count);
  const lengths = new Uint32Array(count);
  for (let i = 0; i < count; i++) lengths[i] = r.uint();
  const forward = r.bytes();
  const store = new Store(new Vocab(terms, order), Math.max(16, count));
  store.loadBlocks({ count, uuids, otherIds, createdAt, kind, thanks, answers, lengths, forward });
  return store;
}

function writeSparse(w: ByteWriter, entries: [number, string][]) {
  w.uint(entries.length);
  for (const [i, s] of entries) {
    w.uint(i);
    w.string(s);
  }
}

function readSparse(r: ByteReader, count: number): Map<number, string> {
  const out = new Map<number, string>();
  for (let n = r.uint(); n > 0; n--) out.set(checkIndex(r.uint(), count), r.string());
  return out;
}

function checkIndex(i: number, count: number): number {
  if (i >= count) throw new RangeError('Search index data is corrupt');
  return i;
}

function hexBytes(uuid: string): Uint8Array {
  return Uint8Array.from(uuid.replace(/-/g, '').match(/../g)!, (h) => parseInt(h, 16));
}
