import { escapeHtml } from '../rituals/render/email';
import { count, hidden, minutes } from './format';
import type { LedgerCell, LedgerSummary } from './types';

const DAY = 86_400_000;

/** An ISO 8601 week in UTC: `2026-W02`, Monday 00:00 UTC to the next Monday (ms). */
export interface IsoWeek {
  key: string;
  start: number;
  end: number;
}

/** The ISO week (UTC) holding `at`. */
export function isoWeekOf(at: number): IsoWeek {
  const d = new Date(at);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date(start + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, start, end: start + 7 * DAY };
}

/** The last whole ISO week (UTC) before the one holding `at`: what the Monday summary covers. */
export const previousIsoWeek = (at: number): IsoWeek => isoWeekOf(isoWeekOf(at).start - 1);

/** The week's questions as the endpoint holds them (server/src/impact/weekly-questions.ts says how each is counted). */
export interface WeekQuestions {
  asked: number;
  answered: number;
  open: number;
}

export interface WeeklyMailInput {
  communityName: string;
  week: IsoWeek;
  /** ledgerSummary over the week: whole UTC months around it, no cell below k. */
  ledger: LedgerSummary;
  questions: WeekQuestions;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

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
  const period = `${day(week.start)} to ${day(week.end - DAY)} (UTC)`;
  const ledgerPeriod = `${ledger.from.slice(0, 10)} to ${day(Date.parse(ledger.to) - DAY)}`;
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
