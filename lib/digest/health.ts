import type { DigestEvent, DigestIndex, GhostReason, Metric, WeekStats } from './types';
import type { Replayed } from '../questions/replay';
import { unansweredIds, waitingSince } from './digest-index';
import { answeredSince } from '../questions/replay';
import { DAY_MS } from './time';

const RECENT_WEEKS = 4;

function bucketOf(t: number, weekStarts: readonly number[]): number {
  if (t < weekStarts[0]!) return -1;
  let lo = 0;
  let hi = weekStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (weekStarts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Health as impact, not activity: each metric's value over the last four weeks and its trend over the twelve
 * weeks starting at `weekStarts` (the last one is the current week, running to `now`).
 */
export function healthMetrics(
  weekStarts: readonly number[],
  weeks: readonly WeekStats[],
  index: DigestIndex,
  events: readonly DigestEvent[],
  now: number,
  reopened: ReadonlyMap<string, Replayed> = new Map(),
): Metric[] {
  const n = weekStarts.length;
  const recent = weeks.slice(n - RECENT_WEEKS);
  const inWeek = <T>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

  const recentAuthors = new Map<string, number>();
  for (const w of recent)
    for (const [a, c] of Object.entries(w.authors)) recentAuthors.set(a, (recentAuthors.get(a) ?? 0) + c);
  const recentNotes = recent.reduce((s, w) => s + w.notes, 0);

  const firstTime = new Array<number>(n).fill(0);
  for (const a of Object.values(index.authors)) {
    const b = bucketOf(a.first, weekStarts);
    if (b >= 0 && a.first <= now) firstTime[b]!++;
  }

  // Time to answer: to the first answer, or for a reopened question to the one its replay counts (none: unanswered).
  const firstAnswer = new Map<string, number>();
  for (const a of Object.values(index.answers)) {
    const prev = firstAnswer.get(a.q);
    if (!reopened.has(a.q) && (prev === undefined || a.c < prev)) firstAnswer.set(a.q, a.c);
  }
  for (const [q, r] of reopened) {
    const at = answeredSince(r);
    if (at !== undefined) firstAnswer.set(q, at);
  }
  const delays: number[][] = inWeek(() => []);
  for (const [q, at] of firstAnswer) {
    const question = index.questions[q];
    const b = bucketOf(at, weekStarts);
    if (question && b >= 0 && at <= now) delays[b]!.push(Math.max(0, at - question.c));
  }

  const dups = new Array<number>(n).fill(0);
  for (const e of events) {
    const b = e.type === 'duplicate-avoided' && e.at <= now ? bucketOf(e.at, weekStarts) : -1;
    if (b >= 0) dups[b]!++;
  }
  const sumRecent = (xs: number[]) => xs.slice(n - RECENT_WEEKS).reduce((s, x) => s + x, 0);
  const maxOf = (m: Iterable<number>) => Math.max(0, ...m);

  return [
    {
      id: 'activeContributors',
      unit: 'count',
      value: recentAuthors.size,
      trend: weeks.map((w) => Object.keys(w.authors).length),
    },
    {
      id: 'topShare',
      unit: 'share',
      value: share(maxOf(recentAuthors.values()), recentNotes),
      trend: weeks.map((w) => share(maxOf(Object.values(w.authors)), w.notes)),
    },
    { id: 'firstTime', unit: 'count', value: sumRecent(firstTime), trend: firstTime },
    {
      id: 'medianAnswerMs',
      unit: 'duration',
      value: median(delays.slice(n - RECENT_WEEKS).flat()),
      trend: delays.map(median),
    },
    { id: 'duplicatesAvoided', unit: 'count', value: sumRecent(dups), trend: dups },
    {
      id: 'depth',
      unit: 'share',
      value: share(
        recent.reduce((s, w) => s + w.deep, 0),
        recent.reduce((s, w) => s + w.deep + w.links, 0),
      ),
      trend: weeks.map((w) => share(w.deep, w.deep + w.links)),
    },
  ];
}

/**
 * A quiet community gets told so, only in words true of what the new tab shows beside them: an open question
 * has waited more than 14 days while no question got an answer in those 14 days; or nothing was harvested for 7.
 */
export function ghostTown(
  index: DigestIndex,
  now: number,
  reopened: ReadonlyMap<string, Replayed> = new Map(),
): GhostReason[] {
  const reasons: GhostReason[] = [];
  const open = unansweredIds(index, 1, reopened)[0];
  const oldestOpen = open === undefined ? undefined : waitingSince(index, open, reopened);
  if (oldestOpen !== undefined && now - oldestOpen > 14 * DAY_MS) {
    let last = 0;
    for (const a of Object.values(index.answers)) if (a.c <= now && a.c > last) last = a.c;
    if (now - last > 14 * DAY_MS) reasons.push('questions-waiting-14d');
  }
  if (index.lastCreatedAt > 0 && now - index.lastCreatedAt > 7 * DAY_MS) reasons.push('no-harvest-7d');
  return reasons;
}
