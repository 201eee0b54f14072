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
 * The object `splitRows` cut, joined from its shape and parts. Throws a RangeError when they do not fit (a part
 * missing or of another save, a piece of the wrong type or length): the caller rebuilds, never misreads.
 */
export function joinRows(shape: unknown, parts: readonly unknown[]): unknown {
  if (!Array.isArray(parts) || !parts.every(Array.isArray)) throw new RangeError('Saved parts are corrupt');
  const pieces = (parts as unknown[][]).flat();
  const walk = (v: unknown): unknown => {
    if (isPieceRef(v)) {
      const { type, length, first, count } = v.$pieces;
      const Ctor = TYPES[type];
      if (!Ctor || !Number.isInteger(length) || !Number.isInteger(first) || !Number.isInteger(count)) {
        throw new RangeError('Saved parts are corrupt');
      }
      if (first < 0 || count < 0 || first + count > pieces.length) throw new RangeError('Saved parts are missing');
      const out = new Ctor(length);
      let at = 0;
      for (let i = first; i < first + count; i++) {
        const p = pieces[i];
        if (!(p instanceof Ctor) || at + p.length > length) throw new RangeError('Saved parts are corrupt');
        out.set(p as never, at);
        at += p.length;
      }
      if (at !== length) throw new RangeError('Saved parts are corrupt');
      return out;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(shape);
}
