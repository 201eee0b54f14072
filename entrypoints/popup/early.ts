import '@/components/theme.css';
import './popup.css';
import { QUERY_HELP } from '@/lib/search/query';
import { handover } from './handover';
import { paintEarly } from './early-paint';
import { readNewest } from './read-newest';

// bench:popup: how long the page took to reach its own script (navigation, parse) before any work of ours.
performance.mark('commonplace:popup-script');

/**
 * The popup's entry: the newest notes on screen before React, Dexie and zod are even parsed (they load in
 * parallel, from main.tsx), then React takes over with the same rows and whatever was typed meanwhile.
 */
const t0 = performance.now();
handover.reading = readNewest(handover.limit).then(
  (rows) => {
    performance.measure('commonplace:rows', { start: t0, end: performance.now(), detail: '' });
    if (rows) handover.rows = rows;
    if (!handover.isReactUp) paintEarly(document.getElementById('root')!, rows ?? [], QUERY_HELP);
    return rows;
  },
  (e: unknown) => (console.error('early newest', e), null),
);

/**
 * React, Dexie and zod are only evaluated once the early list is painted: evaluating them takes the main thread
 * for a couple of hundred milliseconds, and the read's callbacks would wait behind it. (A frame is given to the
 * paint; the timer boots React even where frames are not produced, like a hidden page.)
 */
let isBooting = false;
const boot = () => {
  if (isBooting) return;
  isBooting = true;
  void import('./main');
};
void handover.reading.finally(() => {
  requestAnimationFrame(() => setTimeout(boot));
  setTimeout(boot, 50);
});
