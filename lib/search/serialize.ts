import { ByteReader, ByteWriter } from './bytes';
import { FIELD_COUNT, Store } from './store';
import { Vocab } from './vocab';

const MAGIC = 0x43505349; // "CPSI"
const FORMAT = 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Compact bytes of the live index: terms most-frequent-first (so common words take one varint byte), the
 * sorted order of terms (no sort on load), then docs oldest first with delta-coded times and term ids.
 * Postings are not stored: loading rebuilds them from the docs' term ids, which is cheaper than the bytes.
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
  w.uint(slots.length);
  let prev = 0;
  for (const s of slots) {
    const f = store.factsOf(s);
    if (UUID.test(f.id)) {
      w.uint(0);
      w.bytes(Uint8Array.from(f.id.replace(/-/g, '').match(/../g)!, (h) => parseInt(h, 16)));
    } else {
      w.uint(1);
      w.string(f.id);
    }
    const t = Math.max(0, Math.floor(f.createdAt));
    w.uint(t - prev >= 0 ? (t - prev) * 2 : (prev - t) * 2 + 1);
    prev = t;
    w.uint(f.kind);
    w.uint(f.thanks);
    w.string(f.answers ?? '');
    for (const field of store.fields(s)) {
      w.uint(field.length);
      for (const id of field) w.uint(remap[id]!);
    }
  }
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
  for (let i = 0; i < termCount; i++) order[i] = checkId(r.uint(), termCount);
  const docCount = r.uint();
  const store = new Store(new Vocab(terms, order), Math.max(16, docCount));
  let prev = 0;
  for (let d = 0; d < docCount; d++) {
    const isUuid = r.uint() === 0;
    const id = isUuid ? uuidOf(r.bytes()) : r.string();
    const dt = r.uint();
    const createdAt = (prev += dt % 2 === 0 ? dt / 2 : -(dt - 1) / 2);
    const kind = r.uint();
    const thanks = r.uint();
    const answers = r.string() || undefined;
    const ids: number[][] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      const n = r.uint();
      const field = new Array<number>(n);
      for (let i = 0; i < n; i++) field[i] = checkId(r.uint(), termCount);
      ids.push(field);
    }
    store.addIds({ id, createdAt, kind, thanks, answers }, ids);
  }
  return store;
}

function checkId(id: number, count: number): number {
  if (id >= count) throw new RangeError('Search index data is corrupt');
  return id;
}

function uuidOf(b: Uint8Array): string {
  if (b.length !== 16) throw new RangeError('Search index data is corrupt');
  const hex = Array.from(b, (x) => (x + 0x100).toString(16).slice(1)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
