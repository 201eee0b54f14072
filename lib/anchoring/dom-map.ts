import type { TextModel } from './text-model';

/** First index i with a[i] >= x (a sorted ascending). */
function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function totalRaw(model: TextModel): number {
  const last = model.nodes.length - 1;
  return last < 0 ? 0 : (model.nodeStarts[last] as number) + (model.nodes[last] as Text).data.length;
}

/** Raw position of the first kept text at or after `node` (its subtree included unless `skipSelf`). */
function rawAtOrAfter(model: TextModel, start: Node, skipSelf: boolean): number | null {
  let node: Node | null = start;
  let skip = skipSelf;
  while (node) {
    const k = model.nodeIndex.get(node);
    if (k !== undefined && !skip) return model.nodeStarts[k] as number;
    if (!skip && node.firstChild) node = node.firstChild;
    else {
      while (node && node !== model.root && !node.nextSibling) node = node.parentNode;
      if (!node || node === model.root) return totalRaw(model);
      node = node.nextSibling;
    }
    skip = false;
  }
  return totalRaw(model);
}

/** A DOM boundary point as a raw position, or null when it lies outside the model's root. */
function rawOfPoint(model: TextModel, container: Node, offset: number): number | null {
  if (container !== model.root && !model.root.contains(container)) return null;
  const k = model.nodeIndex.get(container);
  if (k !== undefined) return (model.nodeStarts[k] as number) + Math.min(offset, (container as Text).data.length);
  if (container.nodeType !== 1 && container.nodeType !== 11) return rawAtOrAfter(model, container, true);
  const child = container.childNodes[offset];
  if (child) return rawAtOrAfter(model, child, false);
  if (container === model.root) return totalRaw(model);
  return rawAtOrAfter(model, container, true);
}

/** The normalised [start, end) a DOM range covers, trimmed of edge spaces; null if outside the root or empty. */
export function rangeToOffsets(model: TextModel, range: Range): { start: number; end: number } | null {
  const rs = rawOfPoint(model, range.startContainer, range.startOffset);
  const re = rawOfPoint(model, range.endContainer, range.endOffset);
  if (rs === null || re === null) return null;
  let start = lowerBound(model.rawStart, rs);
  let end = lowerBound(model.rawStart, re);
  while (start < end && model.text.charCodeAt(start) === 32) start++;
  while (end > start && model.text.charCodeAt(end - 1) === 32) end--;
  return start < end ? { start, end } : null;
}

/** The DOM range for normalised [start, end); `start < end <= text.length`. */
export function offsetsToRange(model: TextModel, start: number, end: number): Range {
  const rs = model.rawStart[start] as number;
  const re = model.rawEnd[end - 1] as number;
  // Start: the last node whose first unit is <= rs. End: the last node whose first unit is < re.
  const ks = Math.max(0, lowerBound(model.nodeStarts, rs + 1) - 1);
  const ke = Math.max(0, lowerBound(model.nodeStarts, re) - 1);
  const range = (model.root.ownerDocument as Document).createRange();
  // Select the start node first: each later boundary is then compared with a nearby one, not with the
  // document's start (that comparison walks the whole tree in DOM implementations such as jsdom).
  range.selectNodeContents(model.nodes[ks] as Text);
  range.setStart(model.nodes[ks] as Text, rs - (model.nodeStarts[ks] as number));
  range.setEnd(model.nodes[ke] as Text, re - (model.nodeStarts[ke] as number));
  return range;
}
