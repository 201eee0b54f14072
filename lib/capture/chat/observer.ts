/** One flush of coalesced DOM changes. */
export interface MessageListChange {
  /** Element nodes added since the last flush (top of each inserted subtree), at most `maxNodes`. */
  added: Element[];
  removedCount: number;
  /** True when more nodes changed than were kept: rescan the list instead of looking at `added`. */
  isOverflow: boolean;
}

export interface ObserveOptions {
  signal: AbortSignal;
  /** Quiet time before a flush (ms). */
  debounceMs?: number;
  /** A flush happens at least this often during a continuous scroll (ms). */
  maxWaitMs?: number;
  /** Cap on nodes kept per flush, so a re-render of thousands of rows costs O(cap), not O(rows). */
  maxNodes?: number;
}

/**
 * Watches a chat's message list while the app re-renders it (virtualised scrolling, edits, new messages) and
 * calls `onChange` at most once per quiet period. The observer callback only counts and stores references; no
 * DOM reads happen until the flush, so cost per mutation batch stays bounded. Aborting `signal` disconnects
 * the observer and cancels any pending flush: nothing leaks after the content script is invalidated.
 */
export function observeMessages(
  root: Node,
  onChange: (change: MessageListChange) => void,
  { signal, debounceMs = 100, maxWaitMs = 500, maxNodes = 500 }: ObserveOptions,
): void {
  if (signal.aborted) return;
  let added: Element[] = [];
  let removedCount = 0;
  let isOverflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;

  const flush = () => {
    timer = undefined;
    firstPending = 0;
    const change = { added, removedCount, isOverflow };
    added = [];
    removedCount = 0;
    isOverflow = false;
    if (!signal.aborted) onChange(change);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      removedCount += r.removedNodes.length;
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType !== 1) continue;
        if (added.length < maxNodes) added.push(n as Element);
        else isOverflow = true;
      }
    }
    const now = Date.now();
    if (!firstPending) firstPending = now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - now));
    timer = setTimeout(flush, wait);
  });
  observer.observe(root, { childList: true, subtree: true });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    { once: true },
  );
}
