import type { Note } from '../model';
import type { NoteSummary } from './note-summary';
import { pickArchive } from './archive';
import { newestFirst, toCard } from './card';
import type { Replayed } from '../questions/replay';
import {
  communityKey,
  countInWeek,
  emptyIndex,
  emptyWeek,
  foldNote,
  foldNotes,
  unansweredIds,
  waitingSince,
  weekStats,
} from './digest-index';
import { harvestSection } from './harvest';
import { ghostTown, healthMetrics } from './health';
import { peopleSection } from './people';
import { reopenedQuestions } from './reopened';
import { DEFAULT_RITUALS, ritualsFor } from './rituals';
import { assertTimeZone, DAY_MS, dayStart, dayString, localDay, mondayOf } from './time';
import {
  PERSONAL,
  type CommunityRituals,
  type DigestIndex,
  type DigestInput,
  type DigestResult,
  type NoteCard,
  type Ritual,
  type WeekStats,
} from './types';

export * from './types';
export { emptyIndex, foldNotes, unansweredIds } from './digest-index';
export { reopenedQuestions } from './reopened';
export { isRetraction, noteSummary, type NoteSummary } from './note-summary';
export { DEFAULT_RITUALS, nextOccurrence } from './rituals';
export { dayStart, localDay, mondayOf, dayString, DAY_MS, WEEK_MS } from './time';

export const TREND_WEEKS = 12;
export const UNANSWERED_SHOWN = 20;
export const FEEDS_PER_COMMUNITY = 5;
export const STORIES_SHOWN = 6;
/** Notes younger than this are "this month"; the archive resurfaces only older ones. */
export const ARCHIVE_AGE_MS = 28 * DAY_MS;

/** Start of each of the last `TREND_WEEKS` local weeks (Monday 00:00 in `timeZone`), oldest first. */
export function trendWeekStarts(now: number, timeZone: string): number[] {
  const monday = mondayOf(localDay(now, timeZone));
  return Array.from({ length: TREND_WEEKS }, (_, i) => dayStart(monday - 7 * (TREND_WEEKS - 1 - i), timeZone));
}

/**
 * Brings a persisted index up to date with notes (or their summaries) changed since it last looked and forgets the cached weeks those
 * notes were created in (and every week, when the zone changed). Mutates and returns `index`.
 */
export function advanceIndex(
  index: DigestIndex,
  changed: readonly NoteSummary[],
  meIds: readonly string[],
  timeZone: string,
): DigestIndex {
  if (index.timeZone !== timeZone) {
    index.timeZone = timeZone;
    index.weeks = {};
  }
  const starts = Object.keys(index.weeks).map(Number);
  for (const c of foldNotes(index, changed, meIds)) {
    for (const ws of starts) if (c >= ws && c < ws + 8 * DAY_MS) delete index.weeks[ws];
  }
  return index;
}

/**
 * The index as a full scan would leave it, from every note's summary alone: folded, with every completed trend
 * week counted. Only the current week's notes (and the few shown) are then read whole.
 */
export function indexFromSummaries(
  summaries: readonly NoteSummary[],
  meIds: readonly string[],
  now: number,
  timeZone: string,
): DigestIndex {
  const build = summaryIndexBuilder(meIds, now, timeZone);
  const seen = new Set<string>();
  for (const n of summaries) {
    build.fold(n);
    if (n.deletedAt !== undefined || seen.has(n.id)) continue;
    seen.add(n.id);
    build.count(n);
  }
  return build.index();
}

/**
 * `indexFromSummaries` one note at a time, for callers that hold no array of summaries: `fold` every note, and
 * `count` each live note once (the caller knows its ids are distinct). Neither keeps the object it is given.
 */
export function summaryIndexBuilder(meIds: readonly string[], now: number, timeZone: string) {
  const index = emptyIndex(timeZone);
  const weekStarts = trendWeekStarts(now, timeZone);
  const first = weekStarts[0]!;
  // The current week (the last) is never cached: its notes are read whole.
  const cached = weekStarts.slice(0, -1);
  const weeks = cached.map(() => emptyWeek());
  return {
    fold: (n: NoteSummary) => foldNote(index, n, meIds),
    count(n: NoteSummary) {
      if (n.createdAt < first) return;
      let i = weekStarts.length - 1;
      while (weekStarts[i]! > n.createdAt) i--;
      if (i < cached.length) countInWeek(weeks[i]!, n, meIds);
    },
    index(): DigestIndex {
      cached.forEach((ws, i) => (index.weeks[ws] = weeks[i]!));
      return index;
    },
  };
}

/** Live notes of each trend week (the last one runs on past `now`), each note once. */
function byWeek<T extends NoteSummary>(notes: readonly T[], weekStarts: readonly number[]): T[][] {
  const seen = new Set<string>();
  const perWeek: T[][] = weekStarts.map(() => []);
  for (const n of notes) {
    if (n.deletedAt !== undefined || seen.has(n.id)) continue;
    seen.add(n.id);
    if (n.createdAt < weekStarts[0]!) continue;
    let i = weekStarts.length - 1;
    while (weekStarts[i]! > n.createdAt) i--;
    perWeek[i]!.push(n);
  }
  return perWeek;
}

/** The open questions whose notes the digest shows: the oldest overall and the oldest of each community. */
export function neededQuestionIds(index: DigestIndex, reopened?: ReadonlyMap<string, Replayed>): string[] {
  const ids = unansweredIds(index, Infinity, reopened);
  const out = new Set(ids.slice(0, UNANSWERED_SHOWN));
  const perCommunity = new Map<string, number>();
  for (const id of ids) {
    const cm = index.questions[id]!.cm ?? PERSONAL;
    const seen = perCommunity.get(cm) ?? 0;
    if (seen < FEEDS_PER_COMMUNITY) out.add(id);
    perCommunity.set(cm, seen + 1);
  }
  return [...out];
}

/**
 * The whole new-tab digest, computed from data alone: every section and the health metrics, for the week
 * `now` falls in within `timeZone`. Pure (no clock, no storage), so week boundaries and "this week" are testable.
 *
 * Called with every note it is the full scan. Called with a persisted `index` (advanced by `advanceIndex`) it
 * needs only recent and referenced notes (see `DigestInput.notes`) and returns the index with completed weeks
 * cached, which the caller stores: that is how a new tab avoids reading the whole store.
 */
export function computeDigest(input: DigestInput): DigestResult {
  const { notes, thanks, events, settings, now, timeZone } = input;
  assertTimeZone(timeZone);
  const meIds = settings.meIds;
  const index: DigestIndex = input.index
    ? { ...input.index, weeks: input.index.timeZone === timeZone ? { ...input.index.weeks } : {}, timeZone }
    : emptyIndex(timeZone);
  if (!input.index) foldNotes(index, notes, meIds);

  const weekStarts = trendWeekStarts(now, timeZone);
  const weekStart = weekStarts[TREND_WEEKS - 1]!;
  const byId = new Map<string, Note>();
  for (const n of notes) if (n.deletedAt === undefined && !byId.has(n.id)) byId.set(n.id, n);
  const perWeek = byWeek(notes, weekStarts);
  const weeks: WeekStats[] = weekStarts.map((ws, i) => {
    const cached = i < TREND_WEEKS - 1 ? index.weeks[ws] : undefined;
    if (cached) return cached;
    const s = weekStats(perWeek[i]!, meIds);
    if (i < TREND_WEEKS - 1) index.weeks[ws] = s;
    return s;
  });
  for (const ws of Object.keys(index.weeks)) if (Number(ws) < weekStarts[0]!) delete index.weeks[ws];

  const thisWeek = perWeek[TREND_WEEKS - 1]!;
  const card = (n: Note) => toCard(n, meIds);
  const wins = thisWeek
    .filter((n) => n.kind === 'win')
    .map(card)
    .sort(newestFirst);
  // "No, that didn't answer it" takes back the answers before it (lib/questions/replay.ts, the one rule).
  const reopened = reopenedQuestions(
    index,
    input.questionEvents ?? [],
    (id) => byId.get(id),
    settings.facilitators ?? {},
    now,
  );
  const openIds = unansweredIds(index, Infinity, reopened);
  const openCard = (id: string) => {
    const n = byId.get(id);
    return n ? { ...card(n), ageDays: Math.floor((now - waitingSince(index, id, reopened)) / DAY_MS) } : null;
  };
  const questions = openIds
    .slice(0, UNANSWERED_SHOWN)
    .map(openCard)
    .filter((q) => q !== null);
  const stories = [...byId.values()]
    .filter((n) => n.kind === 'story')
    .map(card)
    .sort(newestFirst)
    .slice(0, STORIES_SHOWN);
  const today = localDay(now, timeZone);

  const rituals = ritualSection(index, settings.rituals ?? {}, {
    openQuestions: openIds
      .map((id) => byId.get(id))
      .filter((n) => n !== undefined)
      .map(card),
    wins,
    showable: [
      ...thisWeek
        .filter((n) => n.kind === 'snippet' || n.kind === 'template')
        .map(card)
        .sort(newestFirst),
      ...stories,
    ],
    today,
    timeZone,
  });

  return {
    index,
    digest: {
      day: dayString(today),
      timeZone,
      weekStart,
      weekStarts,
      isEmpty: index.lastCreatedAt === 0,
      harvest: harvestSection(thisWeek, meIds),
      unanswered: { total: openIds.length, questions },
      wins,
      rituals,
      people: peopleSection(byId, thanks, events, meIds, weekStart),
      stories,
      archive: pickArchive(
        byId.values(),
        thanks,
        events,
        settings.archiveShown ?? {},
        dayString(today),
        now - ARCHIVE_AGE_MS,
        meIds,
      ),
      health: healthMetrics(weekStarts, weeks, index, events, now, reopened),
      ghostTown: index.lastCreatedAt === 0 ? [] : ghostTown(index, now, reopened),
    },
  };
}

function ritualSection(
  index: DigestIndex,
  edited: Readonly<Record<string, readonly Ritual[]>>,
  f: { openQuestions: NoteCard[]; wins: NoteCard[]; showable: NoteCard[]; today: number; timeZone: string },
): CommunityRituals[] {
  const communities = new Set([...Object.keys(index.communities), ...Object.keys(edited)]);
  if (!edited[PERSONAL]) communities.delete(PERSONAL);
  const of = (cm: string) => (c: NoteCard) => communityKey(c) === cm;
  return [...communities]
    .sort((a, b) => (index.communities[b] ?? 0) - (index.communities[a] ?? 0) || (a < b ? -1 : 1))
    .map((cm) => ({
      communityId: cm,
      rituals: ritualsFor(
        edited[cm] ?? DEFAULT_RITUALS,
        {
          openQuestions: f.openQuestions.filter(of(cm)).slice(0, FEEDS_PER_COMMUNITY),
          wins: f.wins.filter(of(cm)),
          showable: f.showable.filter(of(cm)),
        },
        f.today,
        f.timeZone,
      ),
    }));
}
export { parseSchedules, RitualSchema } from './ritual-schema';
export { facilitatorsOf, identityFromRows, LOCAL_ME, meIdsOf, settingsKey, type Identity } from './identity';
export { freshness, type Freshness } from './freshness';
export { countOf, GHOST_TEXT, harvestSummary, helpedPhrase, waitingFor, waitingSummary } from './phrases';
