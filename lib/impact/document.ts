import type { NoteKind } from '../model';
import type { Cell } from './cell';
import { cellText, count, duration, minutes, percent, reportDate } from './format';
import type { ImpactReport, MonthCell, TimeSaved } from './report-types';
import type { ImpactSource } from './types';

/**
 * The report as blocks of plain text, once for both renderers (lib/impact/markdown.ts and the report page's
 * React components): the PDF Chromium prints and the Markdown say the same words by construction, and each
 * renderer only decides how text becomes markup. All strings are text; member text stays untrusted.
 */
export type ReportBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; head: string[]; rows: string[][] };

const KIND_LABEL: Record<NoteKind, string> = {
  insight: 'Insights',
  question: 'Questions',
  answer: 'Answers',
  win: 'Wins',
  story: 'Stories and case studies',
  snippet: 'Code snippets',
  template: 'Templates',
  link: 'Bare links',
};

const SOURCE_LABEL: Record<ImpactSource, string> = {
  search: 'Search',
  digest: 'New tab digest',
  'poll-match': 'Pulse poll match',
  relay: 'Relayed answer',
};

export function reportBlocks(r: ImpactReport): ReportBlock[] {
  const k = r.k;
  const num = count;
  const out: ReportBlock[] = [
    { type: 'heading', level: 1, text: `${r.communityName}: impact report, ${r.period.label}` },
    {
      type: 'paragraph',
      text:
        `${reportDate(r.period.from, r.period.timeZone)} to ${reportDate(r.period.to - 1, r.period.timeZone)}, ` +
        `as of ${reportDate(r.generatedAt, r.period.timeZone)}. Aggregates only: a figure fewer than ${k} people ` +
        `stand behind is not shown, and members are named only with their consent.`,
    },
    { type: 'heading', level: 2, text: 'Time saved' },
    ...timeSavedBlocks(r, k),
    { type: 'heading', level: 2, text: 'Duplicate effort avoided' },
    {
      type: 'paragraph',
      text:
        `Harvests added to an existing note or marked "me too" instead of repeated: ` +
        `${cellText(r.duplicatesAvoided.total, k, num)}.`,
    },
    monthTable('Avoided', r.duplicatesAvoided.byMonth, k, num),
    { type: 'heading', level: 2, text: 'Time to answer' },
    {
      type: 'paragraph',
      text: `Median time from a question to its first answer: ${cellText(r.timeToAnswer.total, k, duration)}.`,
    },
    monthTable('Median time to answer', r.timeToAnswer.byMonth, k, duration),
    { type: 'heading', level: 2, text: 'Depth of contributions' },
    {
      type: 'paragraph',
      text:
        `Notes harvested: ${cellText(r.harvest, k, num)}. Snippets, templates and stories ` +
        `as a share of those and bare links: ${cellText(r.depth.deepShare, k, percent)}.`,
    },
    {
      type: 'table',
      head: ['Kind', 'Notes'],
      rows: r.depth.byKind.map((d) => [KIND_LABEL[d.kind], cellText(d.cell, k, num)]),
    },
    monthTable('Depth (share)', r.depth.byMonth, k, percent),
    { type: 'heading', level: 2, text: 'Contributor diversity' },
    {
      type: 'paragraph',
      text:
        `Contributors: ${cellText(r.diversity.contributors, k, num)}. ` +
        `First-time contributors: ${cellText(r.diversity.firstTime, k, num)}. ` +
        `Share of notes by the most active contributor: ${cellText(r.diversity.topShare, k, percent)}.`,
    },
    monthTable('Contributors', r.diversity.byMonth, k, num),
    { type: 'heading', level: 2, text: 'Stories' },
  ];
  if (r.stories.length === 0) {
    out.push({ type: 'paragraph', text: 'No win or story was linked to a harvested note this quarter.' });
  }
  for (const s of r.stories) {
    out.push({ type: 'heading', level: 3, text: s.title });
    const by = s.by ? `, by ${s.by}` : '';
    const from = s.madeFromBy ? ` (harvested by ${s.madeFromBy})` : '';
    out.push({
      type: 'paragraph',
      text: `${s.outcome === 'story' ? 'A story' : 'A win'}${by}, made possible by the note: ${s.madeFrom}${from}.`,
    });
  }
  return out;
}

function timeSavedBlocks(r: ImpactReport, k: number): ReportBlock[] {
  const t = r.timeSaved;
  if (!t.isAvailable) return [{ type: 'paragraph', text: `The impact ledger is not available: ${t.reason}` }];
  const saved = (v: TimeSaved) => minutes(v.minutesSaved);
  const row = (label: string, c: Cell<TimeSaved>) =>
    c === null
      ? [label, cellText(c, k, saved), '', '', '', '']
      : [
          label,
          minutes(c.value.minutesSaved),
          count(c.value.entries),
          minutes(c.value.medianMinutes),
          count(c.value.wins),
          count(c.value.stories),
        ];
  const head = ['Period', 'Time saved', 'Answers', 'Median per answer', 'Wins', 'Stories'];
  return [
    {
      type: 'paragraph',
      text: `Time saved, as members reported it for the notes they opened: ${cellText(t.total, k, saved)}.`,
    },
    ...(t.isSameZone
      ? []
      : [
          {
            type: 'paragraph' as const,
            text:
              `The ledger counts each answer in the month it reached the community’s endpoint, in the ` +
              `community’s time zone (${t.timeZone}), while this report’s months are in ${r.period.timeZone}: ` +
              `an answer from the hours around a month’s edge may count in the neighbouring month.`,
          },
        ]),
    { type: 'table', head, rows: [...t.byMonth.map((m) => row(m.label, m.cell)), row('Quarter', t.total)] },
    {
      type: 'table',
      head: ['Opened from', 'Time saved', 'Answers', 'Median per answer', 'Wins', 'Stories'],
      rows: t.bySource.map((s) => row(SOURCE_LABEL[s.source] ?? String(s.source), s.cell)),
    },
  ];
}

function monthTable<T>(what: string, months: MonthCell<T>[], k: number, show: (v: T) => string): ReportBlock {
  return { type: 'table', head: ['Month', what], rows: months.map((m) => [m.label, cellText(m.cell, k, show)]) };
}
