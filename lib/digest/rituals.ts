import { addMonths, dayStart, dayString, nthWeekdayOfMonth, parseDay, weekdayOf } from './time';
import type { NoteCard, Ritual, RitualKind, RitualOccurrence } from './types';

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

/** What a ritual's dates follow: its cadence, one date it falls on, and the week for `monthly-weekday`. */
export type RitualRule = Pick<Ritual, 'anchor' | 'cadence' | 'nth'>;

/**
 * The k-th occurrence of a rule counted from its anchor (k = 0; negative k goes back), as a local day number, or
 * null for an unreadable anchor or a `monthly-weekday` rule without its week.
 */
export function occurrenceAt(rule: RitualRule, k: number): number | null {
  const start = parseDay(rule.anchor);
  if (start === null) return null;
  switch (rule.cadence) {
    case 'weekly':
      return start + 7 * k;
    case 'biweekly':
      return start + 14 * k;
    case 'monthly':
    case 'quarterly':
      return addMonths(start, (rule.cadence === 'monthly' ? 1 : 3) * k, new Date(rule.anchor).getUTCDate());
    case 'monthly-weekday':
      return rule.nth === undefined ? null : nthWeekdayOfMonth(start, k, weekdayOf(start), rule.nth);
  }
}

/** The index k of the first occurrence on or after `today` (local day number), or null for an unreadable rule. */
export function nextOccurrenceIndex(rule: RitualRule, today: number): number | null {
  const start = occurrenceAt(rule, 0);
  if (start === null) return null;
  if (start >= today) return 0;
  const daysPer = { weekly: 7, biweekly: 14, monthly: 31, quarterly: 92, 'monthly-weekday': 35 }[rule.cadence];
  // An estimate that never overshoots (no step is longer than daysPer), then forward to the first one.
  let k = Math.max(0, Math.floor((today - start) / daysPer) - 1);
  while (occurrenceAt(rule, k)! < today) k++;
  return k;
}

/** The first occurrence on or after `today` (local day numbers), or null for an unreadable rule. */
export function nextOccurrence(rule: RitualRule, today: number): number | null {
  const k = nextOccurrenceIndex(rule, today);
  return k === null ? null : occurrenceAt(rule, k);
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
    const next = nextOccurrence(ritual, today);
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
