/**
 * Strings packed for IndexedDB: one UTF-8 byte block per column plus typed arrays, so reading a saved index
 * back is a few raw copies (V8's structured clone copies typed arrays as bytes) instead of decoding hundreds
 * of thousands of small strings. A string is decoded only when a query asks for it; lookups by key go through
 * a table of hashes sorted at save time, verified against the decoded key.
 */
export interface PackedStrings {
  /** Every entry's UTF-8 bytes, one after another. */
  bytes: Uint8Array;
  /** Entry i is bytes[starts[i] .. starts[i + 1]). */
  starts: Uint32Array;
  /** hashString of the non-empty entries, ascending. */
  hashes: Uint32Array;
  /** The entry index of each hash in `hashes`. */
  order: Uint32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** FNV-1a over UTF-16 code units: the same for the same JS string at save and at lookup. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Packs entries; `''` stands for a missing one and is never found by key. */
export function packStrings(entries: readonly string[]): PackedStrings {
  const encoded = entries.map((s) => encoder.encode(s));
  const starts = new Uint32Array(entries.length + 1);
  let total = 0;
  encoded.forEach((e, i) => {
    starts[i] = total;
    total += e.length;
  });
  starts[entries.length] = total;
  const bytes = new Uint8Array(total);
  encoded.forEach((e, i) => bytes.set(e, starts[i]));
  const keyed: number[] = [];
  const hashOf = new Uint32Array(entries.length);
  entries.forEach((s, i) => {
    if (s === '') return;
    hashOf[i] = hashString(s);
    keyed.push(i);
  });
  keyed.sort((a, b) => hashOf[a]! - hashOf[b]! || a - b);
  return { bytes, starts, hashes: Uint32Array.from(keyed, (i) => hashOf[i]!), order: Uint32Array.from(keyed) };
}

/** Throws a RangeError unless `p` is a well-formed PackedStrings of `n` entries. */
export function checkPackedStrings(p: PackedStrings | undefined, n: number): asserts p is PackedStrings {
  const ok =
    p !== undefined &&
    p.bytes instanceof Uint8Array &&
    p.starts instanceof Uint32Array &&
    p.hashes instanceof Uint32Array &&
    p.order instanceof Uint32Array &&
    p.starts.length === n + 1 &&
    p.starts[n] === p.bytes.length &&
    p.hashes.length === p.order.length &&
    p.order.length <= n;
  if (!ok) throw new RangeError('Saved similarity index is corrupt');
  for (let i = 0; i < n; i++) {
    if (p.starts[i]! > p.starts[i + 1]!) throw new RangeError('Saved similarity index is corrupt');
  }
  for (let i = 0; i < p.order.length; i++) {
    if (p.order[i]! >= n || (i > 0 && p.hashes[i]! < p.hashes[i - 1]!)) {
      throw new RangeError('Saved similarity index is corrupt');
    }
  }
}

/** Entry i, decoded now ('' when it was missing). */
export function stringAt(p: PackedStrings, i: number): string {
  const from = p.starts[i]!;
  const to = p.starts[i + 1]!;
  return from === to ? '' : decoder.decode(p.bytes.subarray(from, to));
}

/** The entries equal to `key`, by binary search on its hash (each candidate decoded and compared). */
export function entriesOf(p: PackedStrings, key: string): number[] {
  if (key === '') return [];
  const h = hashString(key);
  let lo = 0;
  let hi = p.hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.hashes[mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let k = lo; k < p.hashes.length && p.hashes[k] === h; k++) {
    const i = p.order[k]!;
    if (stringAt(p, i) === key) out.push(i);
  }
  return out;
}

/** All entries decoded at once (one decode of the whole block, then split): for small columns like words. */
export function allStrings(p: PackedStrings, n: number): string[] {
  const whole = decoder.decode(p.bytes);
  if (whole.length === p.bytes.length) {
    // All ASCII: byte offsets are string offsets.
    return Array.from({ length: n }, (_, i) => whole.slice(p.starts[i]!, p.starts[i + 1]!));
  }
  return Array.from({ length: n }, (_, i) => stringAt(p, i));
}
