/**
 * Which document slots hold each term, in three shapes chosen by frequency so 100k notes fit in a few MB:
 * one slot inline (most terms occur once), a small unsorted Uint32Array, or — once a term is in more than
 * 1/32 of the slots — a bitset, which is then smaller than the list.
 */
export class Postings {
  count: Uint32Array = new Uint32Array(1024);
  private single: Int32Array = new Int32Array(1024);
  private lists: (Uint32Array | undefined)[] = [];
  private bits: (Uint32Array | undefined)[] = [];
  private slotWords: number;

  constructor(private slotCapacity: number) {
    this.slotWords = Math.ceil(slotCapacity / 32);
  }

  /** Makes room for terms up to `termId` and slots up to `slotCapacity`. */
  reserve(termCount: number, slotCapacity: number) {
    if (termCount > this.count.length) {
      const n = Math.max(termCount, this.count.length * 2);
      this.count = grow(this.count, n) as Uint32Array;
      this.single = grow(this.single, n) as Int32Array;
    }
    // Kept dense (no holes): a sparse JS array falls back to a slow dictionary.
    while (this.lists.length < this.count.length) {
      this.lists.push(undefined);
      this.bits.push(undefined);
    }
    if (slotCapacity > this.slotCapacity) {
      this.slotCapacity = slotCapacity;
      this.slotWords = Math.ceil(slotCapacity / 32);
      this.bits = this.bits.map((b) => (b ? (grow(b, this.slotWords) as Uint32Array) : b));
    }
  }

  add(term: number, slot: number) {
    const n = this.count[term]!;
    const bits = this.bits[term];
    if (bits) {
      bits[slot >>> 5]! |= 1 << (slot & 31);
    } else if (n === 0) {
      this.single[term] = slot;
    } else {
      let list = this.lists[term];
      if (!list) {
        list = new Uint32Array(4);
        list[0] = this.single[term]!;
        this.lists[term] = list;
      } else if (n === list.length) {
        list = grow(list, n * 2) as Uint32Array;
        this.lists[term] = list;
      }
      list[n] = slot;
      if (n + 1 > 64 && n + 1 > this.slotCapacity / 32) this.toBits(term, list, n + 1);
    }
    this.count[term] = n + 1;
  }

  remove(term: number, slot: number) {
    const n = this.count[term]!;
    const bits = this.bits[term];
    if (bits) {
      bits[slot >>> 5]! &= ~(1 << (slot & 31));
    } else if (n > 1) {
      const list = this.lists[term]!;
      const at = list.subarray(0, n).indexOf(slot);
      if (at < 0) return;
      list[at] = list[n - 1]!;
      if (n - 1 === 1) {
        this.single[term] = list[0]!;
        this.lists[term] = undefined;
      }
    }
    this.count[term] = n - 1;
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
    } else if (n === 1) {
      fn(this.single[term]!);
    } else {
      const list = this.lists[term]!;
      for (let i = 0; i < n; i++) fn(list[i]!);
    }
  }

  /** Bytes held, for the benchmark's memory figures. */
  byteSize(): number {
    let bytes = this.count.byteLength + this.single.byteLength;
    for (const l of this.lists) if (l) bytes += l.byteLength + 64;
    for (const b of this.bits) if (b) bytes += b.byteLength + 64;
    return bytes;
  }

  private toBits(term: number, list: Uint32Array, n: number) {
    const bits = new Uint32Array(this.slotWords);
    for (let i = 0; i < n; i++) bits[list[i]! >>> 5]! |= 1 << (list[i]! & 31);
    this.bits[term] = bits;
    this.lists[term] = undefined;
  }
}

function grow<T extends Uint32Array | Int32Array>(a: T, n: number): T {
  const next = new (a.constructor as { new (n: number): T })(n);
  next.set(a);
  return next;
}
