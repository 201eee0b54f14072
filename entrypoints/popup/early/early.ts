import '@/components/theme.css';
import '../popup.css';
import { handover } from './handover';
import { scheduleReactBoot } from './boot-react';
import { QUERY_HELP } from '@/lib/search/query-help';
import { EARLY_INPUT_ID, paintEarly, showNewest } from '@/lib/newest-snapshot/paint';
import { searchBeforeReact } from './search';
import { readNewest } from '@/lib/db/read-newest';
import { isSameCards, readSnapshot, snapshotCards, writeSnapshot } from '@/lib/newest-snapshot/snapshot';
import { logger } from '@/lib/log';

// After the first script (entrypoints/popup-first-paint): when the popup's modules were loaded and linked.
performance.mark('commonplace:early-module');

/**
 * The popup's module entry: the newest notes on screen before React, Dexie and zod are even loaded (main.tsx,
 * after the paint), and the first keystrokes answered by early-search meanwhile; then React takes over with the
 * rows shown and whatever was typed. The very first frame shows the newest cards as last stored
 * (lib/newest-snapshot), painted by the page's first, classic script before this module graph has even loaded
 * (entrypoints/popup-first-paint); the read then corrects them if they changed meanwhile.
 */
let stopSearching = () => {};
const root = document.getElementById('root')!;
const t0 = performance.now();
const snapshot = readSnapshot(localStorage);
// A snapshot of no notes paints nothing: the read decides between the list and the first-run hint.
const isPaintedFromSnapshot = !!snapshot?.length;
// Painted already by the first script, unless it did not run (a failed load): then here, a little later.
if (snapshot && isPaintedFromSnapshot && !document.getElementById(EARLY_INPUT_ID)) {
  paintEarly(root, snapshot, QUERY_HELP);
  performance.measure('commonplace:early-paint', { start: t0, end: performance.now(), detail: 'snapshot' });
}
handover.reading = readNewest(handover.limit).then(
  (rows) => {
    performance.measure('commonplace:rows', { start: t0, end: performance.now(), detail: '' });
    if (rows) handover.rows = handover.newest = rows;
    const t1 = performance.now();
    if (handover.isReactUp) return rows;
    const cards = snapshotCards(rows ?? []);
    if (!isPaintedFromSnapshot) paintEarly(root, cards, QUERY_HELP);
    else if (!isSameCards(cards, snapshot)) showNewest(root, cards);
    performance.measure('commonplace:early-paint', { start: t1, end: performance.now(), detail: 'read' });
    stopSearching = searchBeforeReact(root, document.getElementById(EARLY_INPUT_ID) as HTMLInputElement);
    // For the next popup's first frame (the offscreen document keeps it current between popups on Chrome).
    setTimeout(() => writeSnapshot(localStorage, cards));
    return rows;
  },
  (e: unknown) => (logger('popup').error('early newest', e), null),
);
// The first date formatted loads the locale's data (40-120 ms measured here): done while the read is under way,
// not after it, when the cards show their dates; after the first frame when the snapshot is in it.
const warmDates = () => new Date(0).toLocaleDateString();
if (isPaintedFromSnapshot) requestAnimationFrame(() => setTimeout(warmDates));
else warmDates();

/**
 * React, Dexie and zod are only evaluated once the early list is painted (evaluating them takes the main thread
 * for a couple of hundred milliseconds, and the read's callbacks would wait behind it), and not while the user
 * types (boot-react.ts). Cards painted from the snapshot are there to be clicked before the read is back: the
 * boot is scheduled with them, so such a click boots React and is replayed on its page. Once React searches
 * itself, the early port closes.
 */
const bootReact = () =>
  scheduleReactBoot(root, () => import('../main').then(() => setTimeout(() => stopSearching(), 1000)));
if (isPaintedFromSnapshot) bootReact();
else void handover.reading.finally(bootReact);
