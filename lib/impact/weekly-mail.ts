import { escapeHtml } from '../rituals/render/email';
import { DAY_MS, dayStart, dayString, localDay, mondayOf } from '../digest/time';
import { count, hidden, minutes } from './format';
import { monthLabel } from './quarter';
import type { LedgerCell, LedgerSummary } from './types';

/**
 * An ISO 8601 week in the community's zone: `2026-W02`, local Monday 00:00 to the next local Monday (ms), so a week
 * across a DST change is its seven local days, not 168 hours.
 */
export interface IsoWeek {
  key: string;
  start: number;
  end: number;
  timeZone: string;
}

/** The ISO week (local to `timeZone`) holding `at`. */
export function isoWeekOf(at: number, timeZone: string): IsoWeek {
  const monday = mondayOf(localDay(at, timeZone));
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date((monday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return {
    key: `${year}-W${String(week).padStart(2, '0')}`,
    start: dayStart(monday, timeZone),
    end: dayStart(monday + 7, timeZone),
    timeZone,
  };
}

/** The last whole ISO week (local) before the one holding `at`: what the Monday summary covers. */
export const previousIsoWeek = (at: number, timeZone: string): IsoWeek =>
  isoWeekOf(isoWeekOf(at, timeZone).start - 1, timeZone);

/** The week's questions as the endpoint holds them (server/src/impact/weekly-questions.ts says how each is counted). */
export interface WeekQuestions {
  asked: number;
  answered: number;
  open: number;
}

export interface WeeklyMailInput {
  communityName: string;
  week: IsoWeek;
  /** ledgerSummary over the week: whole local months around it (in the summary's zone), no cell below k. */
  ledger: LedgerSummary;
  questions: WeekQuestions;
}

/** The local day of an instant, `YYYY-MM-DD`. */
const day = (t: number, timeZone: string) => dayString(localDay(t, timeZone));

/** "January 2026", or "December 2025 to January 2026": the whole months a summary covers. */
function monthsText(ledger: LedgerSummary): string {
  const first = ledger.byMonth[0]?.month;
  const last = ledger.byMonth.at(-1)?.month;
  if (!first || !last) return `${ledger.from.slice(0, 10)} to ${ledger.to.slice(0, 10)}`;
  return first === last ? monthLabel(first) : `${monthLabel(first)} to ${monthLabel(last)}`;
}

/** One ledger cell in words: the figures, or "fewer than k people", never a number of a hidden cell. */
function cellLines(c: LedgerCell | null, k: number): string[] {
  if (c === null) return [`Time saved: ${hidden(k)} answered`, `Wins: ${hidden(k)}`, `Stories: ${hidden(k)}`];
  return [
    `Time saved: ${minutes(c.minutesSaved)} (${count(c.entries)} answers from ${count(c.members)} people)`,
    `Wins: ${count(c.wins)}`,
    `Stories: ${count(c.stories)}`,
  ];
}

/**
 * The weekly facilitator summary: plain text and a simple HTML part with the same lines. Every member-supplied
 * word (the community's name, consenting members' names) is escaped in the HTML and kept on one line.
 */
export function renderWeeklyMail(input: WeeklyMailInput): { subject: string; text: string; html: string } {
  const { week, ledger, questions } = input;
  const name = input.communityName.replace(/\s+/g, ' ').trim();
  const subject = `${name}: weekly summary ${week.key}`;
  const period = `${day(week.start, week.timeZone)} to ${day(week.end - 1, week.timeZone)} (${week.timeZone})`;
  const ledgerPeriod = `${monthsText(ledger)} (${ledger.timeZone})`;
  const sections: { title: string; lines: string[] }[] = [
    {
      title: 'Questions this week',
      lines: [
        `Asked: ${count(questions.asked)}`,
        `Answered: ${count(questions.answered)}`,
        `Open at the end of the week: ${count(questions.open)}`,
      ],
    },
    {
      title: `Impact ledger, whole months ${ledgerPeriod}`,
      lines: [
        ...cellLines(ledger.total, ledger.k),
        `No figure counts fewer than ${ledger.k} people; smaller groups are left out.`,
      ],
    },
  ];
  if (ledger.named.length) {
    sections.push({
      title: 'Answered the ledger and agreed to be named',
      lines: [ledger.named.map((n) => n.displayName.replace(/\s+/g, ' ').trim()).join(', ')],
    });
  }
  const text = [
    subject,
    period,
    '',
    ...sections.flatMap((s) => [s.title, ...s.lines.map((l) => `- ${l}`), '']),
    'You receive this because you gave this address in Commonplace; remove it there to stop.',
  ].join('\n');
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>` +
    `<h1>${escapeHtml(subject)}</h1><p>${escapeHtml(period)}</p>` +
    sections
      .map((s) => `<h2>${escapeHtml(s.title)}</h2><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`)
      .join('') +
    '<p>You receive this because you gave this address in Commonplace; remove it there to stop.</p></body></html>';
  return { subject, text, html };
}
