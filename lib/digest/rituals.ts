import { addMonths, dayStart, dayString, parseDay } from './time';
import type { Cadence, NoteCard, Ritual, RitualKind, RitualOccurrence } from './types';

/**
 * The rhythm a community starts with until its facilitator edits it: monthly AMA, bi-weekly huddle, quarterly
 * show & tell, weekly win thread. Anchored on fixed dates so every member computes the same next dates.
 */
export const DEFAULT_RITUALS: readonly Ritual[] = [
  { id: 'ama', kind: 'ama', title: 'Ask me anything', cadence: 'monthly', anchor: '2026-01-15' },
  { id: 'huddle', kind: 'huddle', title: 'Problem-solving huddle', cadence: 'biweekly', anchor: '2026-01-07' },
  { id: 'show-and-tell', kind: 'show-and-tell', title: 'Show & tell', cadence: 'quarterly', anchor: '2026-01-22' },
  { id: 'win-thread', kind: 'win-thread', title: 'Win of the week thread', cadence: 'weekly', anchor: '2026-01-09' },
];

/** The first occurrence on or after `today` (local day numbers), or null for an unreadable anchor. */
export function nextOccurrence(anchor: string, cadence: Cadence, today: number): number | null {
  const start = parseDay(anchor);
  if (start === null) return null;
  if (cadence === 'weekly' || cadence === 'biweekly') {
    const step = cadence === 'weekly' ? 7 : 14;
    if (start >= today) return start;
    return start + Math.ceil((today - start) / step) * step;
  }
  const step = cadence === 'monthly' ? 1 : 3;
  const dom = new Date(anchor).getUTCDate();
  const monthsApart = Math.max(0, Math.floor((today - start) / 31) - 1);
  let k = Math.floor(monthsApart / step) * step;
  if (start >= today) return start;
  let d = addMonths(start, k, dom);
  while (d < today) d = addMonths(start, (k += step), dom);
  return d;
}

/** What feeds each ritual: what the community brings to it. */
export interface RitualFeeds {
  openQuestions: NoteCard[];
  wins: NoteCard[];
  showable: NoteCard[];
}

const FEEDS: Record<RitualKind, keyof RitualFeeds> = {
  ama: 'openQuestions',
  huddle: 'openQuestions',
  'show-and-tell': 'showable',
  'win-thread': 'wins',
};

/** Each ritual's next date (soonest first) and the notes that feed it. */
export function ritualsFor(
  rituals: readonly Ritual[],
  feeds: RitualFeeds,
  today: number,
  timeZone: string,
  perRitual = 5,
): RitualOccurrence[] {
  const out: RitualOccurrence[] = [];
  for (const ritual of rituals) {
    const next = nextOccurrence(ritual.anchor, ritual.cadence, today);
    if (next === null) continue;
    out.push({
      ritual,
      nextDay: dayString(next),
      nextAt: dayStart(next, timeZone),
      feeds: feeds[FEEDS[ritual.kind]].slice(0, perRitual),
    });
  }
  return out.sort((a, b) => a.nextAt - b.nextAt || (a.ritual.id < b.ritual.id ? -1 : 1));
}
