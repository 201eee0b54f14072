/**
 * The `k` items with the highest `key[item]`, best first; equal keys fall back to `tie` (negative: a first).
 * A bounded heap with the comparisons inlined: selection stays O(n log k) and cheap when a common word
 * matches most of 100k notes on every keystroke.
 */
export function topK(
  items: ArrayLike<number> & Iterable<number>,
  k: number,
  key: Float64Array,
  tie: (a: number, b: number) => number,
): number[] {
  const better = (a: number, b: number) => key[b]! - key[a]! || tie(a, b);
  if (items.length <= k) return Array.from(items).sort(better);
  // Min-heap on (key, reversed tie): heap[0] is the worst kept item.
  const heap = new Int32Array(k);
  let size = 0;
  const worse = (a: number, b: number) => {
    const d = key[a]! - key[b]!;
    return d < 0 || (d === 0 && tie(a, b) > 0);
  };
  for (const x of items) {
    if (size < k) {
      let i = size++;
      heap[i] = x;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[p]!)) break;
        const t = heap[i]!;
        heap[i] = heap[p]!;
        heap[p] = t;
        i = p;
      }
      continue;
    }
    const top = heap[0]!;
    if (key[x]! < key[top]! || (key[x] === key[top] && tie(x, top) >= 0)) continue;
    heap[0] = x;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(heap[l]!, heap[m]!)) m = l;
      if (r < size && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      const t = heap[i]!;
      heap[i] = heap[m]!;
      heap[m] = t;
      i = m;
    }
  }
  return Array.from(heap).sort(better);
}
