/**
 * A saved index cut into rows of a bounded size, so it is written and read back one short IndexedDB transaction
 * at a time: V8 deserialises a row whole on the thread that reads it (the 35 MB base of 100k notes held a
 * fresh service worker for up to 1.1 s, and a Save clicked meanwhile waited, issue 19). Every typed array is cut
 * into pieces of at most `maxBytes`, the pieces are packed in order into parts of at most `maxBytes` (a piece
 * is never cut across two parts), and the rest of the object (numbers, small arrays of strings) is kept as its
 * shape, with a reference in place of each typed array.
 */

type Typed = Uint8Array | Uint32Array | Int32Array | Float64Array;
const TYPES = { Uint8Array, Uint32Array, Int32Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;

/** A typed array's place: its type, its length, and its pieces (`count` pieces from piece number `first`). */
interface PieceRef {
  $pieces: { type: TypeName; length: number; first: number; count: number };
}

export interface SplitRows {
  /** The object with each typed array replaced by a PieceRef. */
  shape: unknown;
  /** The pieces, numbered in order across parts; each part is at most `maxBytes` unless one piece is. */
  parts: Typed[][];
}

const typeName = (v: unknown): TypeName | undefined =>
  (Object.keys(TYPES) as TypeName[]).find((t) => v instanceof TYPES[t]);

/** Cuts `value` (plain objects, arrays, typed arrays, primitives) into a shape and parts of at most `maxBytes`. */
export function splitRows(value: unknown, maxBytes: number): SplitRows {
  if (!(maxBytes >= 8)) throw new RangeError('maxBytes must be at least 8');
  const pieces: Typed[] = [];
  const walk = (v: unknown): unknown => {
    const type = typeName(v);
    if (type) {
      const arr = v as Typed;
      const per = Math.floor(maxBytes / arr.BYTES_PER_ELEMENT);
      const first = pieces.length;
      // slice, not subarray: a view is cloned with its whole buffer.
      for (let at = 0; at < arr.length; at += per) pieces.push(arr.slice(at, at + per));
      return { $pieces: { type, length: arr.length, first, count: pieces.length - first } } satisfies PieceRef;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const shape = walk(value);
  const parts: Typed[][] = [];
  let bytes = Infinity;
  for (const p of pieces) {
    if (bytes + p.byteLength > maxBytes) {
      parts.push([]);
      bytes = 0;
    }
    parts[parts.length - 1]!.push(p);
    bytes += p.byteLength;
  }
  return { shape, parts };
}

const isPieceRef = (v: unknown): v is PieceRef =>
  v !== null && typeof v === 'object' && '$pieces' in v && Object.keys(v).length === 1;

/**
 * Joins what `splitRows` cut, a part at a time as the parts are read (so copying them in is spread over the
 * reads instead of one stretch at the end): `add` each part in order, then `done` gives the object. Throws a
 * RangeError when they do not fit (a part missing or of another save, a piece of the wrong type or length):
 * the caller rebuilds, never misreads.
 */
export function rowJoiner(shape: unknown): { add(part: unknown): void; done(): unknown } {
  /** Each typed array to fill, by its first piece number, with how far it is filled. */
  const targets: { out: Typed; Ctor: (typeof TYPES)[TypeName]; first: number; count: number; at: number }[] = [];
  const walk = (v: unknown): unknown => {
    if (isPieceRef(v)) {
      const { type, length, first, count } = v.$pieces ?? {};
      const Ctor = TYPES[type];
      if (!Ctor || !Number.isInteger(length) || !Number.isInteger(first) || !Number.isInteger(count) || length < 0) {
        throw new RangeError('Saved parts are corrupt');
      }
      const out = new Ctor(length);
      targets.push({ out, Ctor, first, count, at: 0 });
      return out;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const value = walk(shape);
  targets.sort((a, b) => a.first - b.first);
  let piece = 0;
  let t = 0;
  return {
    add(part) {
      if (!Array.isArray(part)) throw new RangeError('Saved parts are corrupt');
      for (const p of part) {
        while (t < targets.length && piece >= targets[t]!.first + targets[t]!.count) t++;
        const target = targets[t];
        if (!target || piece < target.first) throw new RangeError('Saved parts are corrupt');
        if (!(p instanceof target.Ctor) || target.at + p.length > target.out.length) {
          throw new RangeError('Saved parts are corrupt');
        }
        target.out.set(p as never, target.at);
        target.at += p.length;
        piece++;
      }
    },
    done() {
      if (targets.some((x) => x.at !== x.out.length)) throw new RangeError('Saved parts are missing');
      return value;
    },
  };
}

/** `rowJoiner` over parts read all at once. */
export function joinRows(shape: unknown, parts: readonly unknown[]): unknown {
  if (!Array.isArray(parts)) throw new RangeError('Saved parts are corrupt');
  const joiner = rowJoiner(shape);
  for (const part of parts) joiner.add(part);
  return joiner.done();
}
