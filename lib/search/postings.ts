/**
 * Which document slots hold each term, in shapes chosen so 100k notes fit in a few MB and load fast:
 * - a segment of one shared pool (what loading saved data builds: no per-term allocation),
 * - one slot inline (a term added later that occurs once),
 * - its own growable Uint32Array (a term that outgrew the above),
 * - a bitset, once a term is in more than 1/32 of the slots (then smaller than a list).
 * Lists are unordered; removal swaps in the last entry.
 */
export class Postings {
  count: Uint32Array = new Uint32Array(1024);
  private single: Int32Array = new Int32Array(1024);
  private poolAt: Uint32Array = new Uint32Array(1024);
  private poolCap: Uint32Array = new Uint32Array(1024);
  private pool = new Uint32Array(0);
  private lists: (Uint32Array | undefined)[] = [];
  private bits: (Uint32Array | undefined)[] = [];
  private slotWords: number;
  /** listOf's answer for a term held inline. */
  private one = new Uint32Array(1);

  constructor(private slotCapacity: number) {
    this.slotWords = Math.ceil(slotCapacity / 32);
  }

  /** Makes room for `termCount` terms and `slotCapacity` slots. */
  reserve(termCount: number, slotCapacity: number) {
    if (termCount > this.count.length) {
      const n = Math.max(termCount, this.count.length * 2);
      this.count = grow(this.count, n);
      this.single = grow(this.single, n);
      this.poolAt = grow(this.poolAt, n);
      this.poolCap = grow(this.poolCap, n);
    }
    // Kept dense (no holes): a sparse JS array falls back to a slow dictionary.
    if (this.lists.length < this.count.length) {
      const more = new Array<undefined>(this.count.length - this.lists.length).fill(undefined);
      this.lists = this.lists.concat(more);
      this.bits = this.bits.concat(more);
    }
    if (slotCapacity > this.slotCapacity) {
      this.slotCapacity = slotCapacity;
      this.slotWords = Math.ceil(slotCapacity / 32);
      this.bits = this.bits.map((b) => (b ? grow(b, this.slotWords) : b));
    }
  }

  add(term: number, slot: number) {
    const n = this.count[term]!;
    const bits = this.bits[term];
    let list = this.lists[term];
    if (bits) {
      bits[slot >>> 5]! |= 1 << (slot & 31);
    } else if (list) {
      if (n === list.length) this.lists[term] = list = grow(list, n * 2);
      list[n] = slot;
    } else if (n < this.poolCap[term]!) {
      this.pool[this.poolAt[term]! + n] = slot;
    } else if (n === 0) {
      this.single[term] = slot;
    } else {
      list = new Uint32Array(Math.max(4, n * 2));
      if (this.poolCap[term]! > 0) list.set(this.pool.subarray(this.poolAt[term]!, this.poolAt[term]! + n));
      else list[0] = this.single[term]!;
      this.poolCap[term] = 0;
      list[n] = slot;
      this.lists[term] = list;
    }
    this.count[term] = n + 1;
    if (!bits && n + 1 > 64 && n + 1 > this.slotCapacity / 32) this.toBits(term);
  }

  remove(term: number, slot: number) {
    const n = this.count[term]!;
    if (n === 0) return;
    const bits = this.bits[term];
    if (bits) {
      bits[slot >>> 5]! &= ~(1 << (slot & 31));
    } else {
      const items = this.items(term, n);
      if (items) {
        const at = items.indexOf(slot);
        if (at < 0) return;
        items[at] = items[n - 1]!;
      }
    }
    this.count[term] = n - 1;
  }

  /** The unordered list of a non-bitset term with `n` > 1 entries, or undefined for an inline single. */
  private items(term: number, n: number): Uint32Array | undefined {
    const list = this.lists[term];
    if (list) return list.subarray(0, n);
    if (this.poolCap[term]! > 0) return this.pool.subarray(this.poolAt[term]!, this.poolAt[term]! + n);
    return undefined;
  }

  /** Calls `fn` for every slot holding `term` (order unspecified). */
  forEach(term: number, fn: (slot: number) => void) {
    const n = this.count[term]!;
    if (n === 0) return;
    const bits = this.bits[term];
    if (bits) {
      for (let w = 0; w < bits.length; w++) {
        let word = bits[w]!;
        while (word !== 0) {
          const low = word & -word;
          fn((w << 5) | (31 - Math.clz32(low)));
          word ^= low;
        }
      }
      return;
    }
    const list = this.lists[term];
    if (list) {
      for (let i = 0; i < n; i++) fn(list[i]!);
    } else if (this.poolCap[term]! > 0) {
      const pool = this.pool;
      for (let i = this.poolAt[term]!, end = i + n; i < end; i++) fn(pool[i]!);
    } else {
      fn(this.single[term]!);
    }
  }

  /**
   * The slots of `term` as a view (unordered; valid until the postings next change), or undefined when the
   * term is held as a bitset (see bitsOf). Lets a hot loop walk the slots itself, with no callback per slot.
   */
  listOf(term: number): Uint32Array | undefined {
    if (this.bits[term]) return undefined;
    const n = this.count[term]!;
    if (n === 1 && !this.lists[term] && this.poolCap[term] === 0) {
      this.one[0] = this.single[term]!;
      return this.one;
    }
    return this.items(term, n) ?? this.one.subarray(0, 0);
  }

  /** The bitset of `term` (bit s of word s >>> 5 set when slot s holds it), or undefined for a list. */
  bitsOf(term: number): Uint32Array | undefined {
    return this.bits[term];
  }

  /**
   * Fills empty postings in two passes over `forEachDoc` (count, then place) into one pool allocated at
   * its final size: loading 100k saved notes this way costs a fraction of adding them one by one.
   */
  fill(termCount: number, slotCount: number, forEachDoc: (visit: (slot: number, term: number) => void) => void) {
    this.reserve(termCount, slotCount);
    const df = this.count;
    forEachDoc((_, term) => df[term]!++);
    const { poolAt, poolCap, bits } = this;
    let total = 0;
    for (let t = 0; t < termCount; t++) {
      const n = df[t]!;
      if (n > 64 && n > this.slotCapacity / 32) {
        bits[t] = new Uint32Array(this.slotWords);
      } else {
        poolAt[t] = total;
        poolCap[t] = n;
        total += n;
      }
    }
    const pool = (this.pool = new Uint32Array(total));
    const at = poolAt.slice(0, termCount);
    forEachDoc((slot, term) => {
      const b = bits[term];
      if (b) b[slot >>> 5]! |= 1 << (slot & 31);
      else pool[at[term]!++] = slot;
    });
  }

  /** Bytes held, for the benchmark's memory figures. */
  byteSize(): number {
    let bytes = this.count.byteLength * 4 + this.pool.byteLength;
    for (const l of this.lists) if (l) bytes += l.byteLength + 64;
    for (const b of this.bits) if (b) bytes += b.byteLength + 64;
    return bytes;
  }

  private toBits(term: number) {
    const bits = new Uint32Array(this.slotWords);
    this.forEach(term, (slot) => (bits[slot >>> 5]! |= 1 << (slot & 31)));
    this.bits[term] = bits;
    this.lists[term] = undefined;
    this.poolCap[term] = 0;
  }
}

function grow<T extends Uint32Array | Int32Array>(a: T, n: number): T {
  const next = new (a.constructor as { new (n: number): T })(n);
  next.set(a);
  return next;
}
