import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { QUERY_HELP } from '@/lib/search/query-help';
import { paintEarly } from '@/lib/newest-snapshot/paint';
import { readSnapshot } from '@/lib/newest-snapshot/snapshot';

/**
 * The popup's first script: a classic script of its own (one small file, no module graph to fetch and link),
 * asked for first in popup.html's head and deferred, so it runs as soon as the page is parsed and before the
 * popup's modules (early/early.ts, then React), which run after it in document order. It paints the newest cards as last stored (lib/newest-snapshot) and nothing
 * else; early.ts finds them painted and goes on from there (reads the notes, corrects the list, answers typing).
 * No snapshot (first open, an older shape): nothing here, and early.ts paints after its read.
 */
export default defineUnlistedScript(() => {
  performance.mark('commonplace:popup-script');
  const root = document.getElementById('root');
  const t0 = performance.now();
  const snapshot = readSnapshot(localStorage);
  if (!root || !snapshot?.length) return;
  paintEarly(root, snapshot, QUERY_HELP);
  performance.measure('commonplace:early-paint', { start: t0, end: performance.now(), detail: 'snapshot' });
});
