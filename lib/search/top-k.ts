/**
 * The `k` best of `items` by `better(a, b) < 0 ⇔ a ranks above b`, best first, without sorting them all:
 * a bounded heap keeps selection at O(n log k) when a common word matches most of 100k notes.
 */
export function topK(items: number[], k: number, better: (a: number, b: number) => number): number[] {
  if (items.length <= k) return items.slice().sort(better);
  const heap: number[] = []; // worst on top
  const worse = (a: number, b: number) => better(a, b) > 0;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const x of items) {
    if (heap.length < k) {
      heap.push(x);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (better(x, heap[0]!) < 0) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort(better);
}
