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

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `s` as it reads back from UTF-8: a lone surrogate becomes U+FFFD (String.prototype.toWellFormed). */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Packs entries; `''` stands for a missing one and is never found by key. Entries read back well-formed, and
 * a key is looked up well-formed too, so a lone surrogate in a quote still finds its note.
 */
export function packStrings(entries: readonly string[]): PackedStrings {
  const starts = new Uint32Array(entries.length + 1);
  let total = 0;
  entries.forEach((e, i) => {
    starts[i] = total;
    total += utf8Length(e);
  });
  starts[entries.length] = total;
  // One encode of the whole column (an encode per string costs ten times more). Lone surrogates on either side
  // of a join would pair up and change the lengths: then each string is encoded on its own.
  let bytes = encoder.encode(entries.join(''));
  if (bytes.length !== total) {
    bytes = new Uint8Array(total);
    entries.forEach((e, i) => encoder.encodeInto(e, bytes.subarray(starts[i], starts[i + 1])));
  }
  const keyed: number[] = [];
  const hashOf = new Uint32Array(entries.length);
  entries.forEach((s, i) => {
    if (s === '') return;
    hashOf[i] = hashString(wellFormed(s));
    keyed.push(i);
  });
  keyed.sort((a, b) => hashOf[a]! - hashOf[b]! || a - b);
  return { bytes, starts, hashes: Uint32Array.from(keyed, (i) => hashOf[i]!), order: Uint32Array.from(keyed) };
}

/** How many bytes TextEncoder makes of `s` (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
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
  key = wellFormed(key);
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
