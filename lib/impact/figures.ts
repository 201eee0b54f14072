import type { Note, NoteKind } from '../model';
import { NOTE_KINDS } from '../model/note-kinds';
import { emptyIndex, foldNotes, weekStats } from '../digest/digest-index';
import { healthMetrics } from '../digest/health';
import type { DigestEvent, DigestIndex, Metric, MetricId } from '../digest/types';
import type { QuestionEvent } from '../questions/events';
import { additiveCells } from './breakdown';
import { cell, reportK, type Cell } from './cell';
import { quarterOf } from './quarter';
import type { ImpactReport, MonthCell } from './report-types';
import { pickStories } from './stories';
import { timeSavedFigures } from './time-saved';
import type { LedgerSummary } from './types';

export interface ReportInput {
  communityId: string;
  communityName: string;
  /** This browser's copy of the community's notes (others are ignored), every period: first-timers need the past. */
  notes: readonly Note[];
  /** Question events (me-toos count as duplicate effort avoided). */
  questionEvents: readonly Pick<QuestionEvent, 'type' | 'questionId' | 'by' | 'at'>[];
  /** The digest's events, passed to the digest's own health metrics. */
  events: readonly DigestEvent[];
  /** The ledger's aggregates for the quarter, or null when the endpoint could not give them. */
  summary: LedgerSummary | null;
  /** Why `summary` is null, in words for the reader. */
  summaryProblem?: string;
  now: number;
  timeZone: string;
}

/**
 * The quarterly impact report for the quarter `now` falls in: pure, from notes, events, the ledger's summary and
 * `now`. The trends are the digest's own health metrics (lib/digest/health) bucketed by month instead of week;
 * this adds the number of people behind each figure, and hides any figure fewer than `k` people stand behind.
 */
export function impactReport(input: ReportInput): ImpactReport {
  const period = quarterOf(input.now, input.timeZone);
  const k = reportK(input.summary?.k);
  const end = Math.min(period.to, input.now + 1);
  const inPeriod = (t: number) => t >= period.from && t < end;
  const notes = input.notes.filter((n) => n.communityId === input.communityId && n.deletedAt === undefined);
  const byId = new Map(notes.map((n) => [n.id, n]));
  const index = buildIndex(notes, input.timeZone);

  const monthOf = (t: number) => (inPeriod(t) ? period.months.findIndex((m) => t >= m.from && t < m.to) : -1);
  const perMonth = period.months.map(() => [] as Note[]);
  for (const n of notes) {
    const m = monthOf(n.createdAt);
    if (m >= 0) perMonth[m]!.push(n);
  }
  const quarterNotes = perMonth.flat();
  const monthly = metricsById(
    healthMetrics(
      period.months.map((m) => m.from),
      perMonth.map((ns) => weekStats(ns, [])),
      index,
      input.events,
      end - 1,
    ),
  );
  const whole = metricsById(healthMetrics([period.from], [weekStats(quarterNotes, [])], index, input.events, end - 1));

  const authors = (ns: readonly Note[]) => distinct(ns.map((n) => n.author?.id));
  const months = <T>(f: (i: number) => Cell<T>): MonthCell<T>[] =>
    period.months.map((m, i) => ({ label: m.label, cell: f(i) }));

  const answered = answerPeople(index, byId, monthOf, period.months.length);
  const dups = duplicatePeople(notes, byId, input.questionEvents, monthOf, period.months.length);
  const deepOrLink = (ns: readonly Note[]) => ns.filter((n) => DEEP_OR_LINK.has(n.kind));
  const contributors = authors(quarterNotes);
  const firstTimers = whole.firstTime.value ?? 0;

  return {
    communityName: input.communityName,
    period,
    generatedAt: input.now,
    k,
    timeSaved: timeSavedFigures(input.summary, input.summaryProblem, input.communityId, period, k),
    harvest: cell(contributors, k, quarterNotes.length),
    duplicatesAvoided: {
      total: cell(dups.all.size, k, dups.count),
      byMonth: withLabels(
        period,
        additiveCells(
          dups.months.map((m) => ({ people: m.people, value: m.count })),
          k,
        ),
      ),
    },
    timeToAnswer: {
      total: valueCell(Math.min(answered.all.askers.size, answered.all.answerers.size), k, whole.medianAnswerMs.value),
      byMonth: months((i) =>
        valueCell(
          Math.min(answered.months[i]!.askers.size, answered.months[i]!.answerers.size),
          k,
          monthly.medianAnswerMs.trend[i] ?? null,
        ),
      ),
    },
    depth: {
      byKind: kindCells(quarterNotes, k),
      deepShare: valueCell(authors(deepOrLink(quarterNotes)), k, whole.depth.value),
      byMonth: months((i) => valueCell(authors(deepOrLink(perMonth[i]!)), k, monthly.depth.trend[i] ?? null)),
    },
    diversity: {
      contributors: cell(contributors, k, contributors),
      firstTime: cell(firstTimers, k, firstTimers),
      topShare: valueCell(contributors, k, whole.topShare.value),
      byMonth: months((i) => cell(authors(perMonth[i]!), k, authors(perMonth[i]!))),
    },
    stories: pickStories(input.summary, byId),
  };
}

function withLabels<T>(period: { months: { label: string }[] }, cells: Cell<T>[]): MonthCell<T>[] {
  return period.months.map((m, i) => ({ label: m.label, cell: cells[i] ?? null }));
}

/** Notes by kind: an additive breakdown of the harvest, so hidden kinds are protected from subtraction. */
function kindCells(notes: readonly Note[], k: number): ImpactReport['depth']['byKind'] {
  const parts = NOTE_KINDS.map(() => ({ people: new Set<string>(), value: 0 }));
  for (const n of notes) {
    const p = parts[NOTE_KINDS.indexOf(n.kind)]!;
    p.value++;
    if (n.author) p.people.add(n.author.id);
  }
  const cells = additiveCells(parts, k);
  return NOTE_KINDS.map((kind: NoteKind, i) => ({ kind, cell: cells[i] ?? null }));
}

const DEEP_OR_LINK = new Set<NoteKind>(['snippet', 'template', 'story', 'link']);

function buildIndex(notes: readonly Note[], timeZone: string): DigestIndex {
  const index = emptyIndex(timeZone);
  foldNotes(index, notes, []);
  return index;
}

const distinct = (ids: readonly (string | undefined)[]) => new Set(ids.filter((id) => id !== undefined)).size;

function metricsById(metrics: Metric[]): Record<MetricId, Metric> {
  return Object.fromEntries(metrics.map((m) => [m.id, m])) as Record<MetricId, Metric>;
}

/** A figure that may be undefined (no answers, no notes): hidden like a small group, never shown as 0. */
function valueCell(people: number, k: number, value: number | null): Cell<number> {
  return value === null ? null : cell(people, k, value);
}

interface AnswerGroup {
  askers: Set<string>;
  answerers: Set<string>;
}

/**
 * Who stands behind each month's time to answer: the askers and the first answerers of the questions first
 * answered in it (the digest's definition of answered, read from the same index). A month's median is shown only
 * when both groups reach `k`.
 */
function answerPeople(
  index: DigestIndex,
  byId: ReadonlyMap<string, Note>,
  monthOf: (t: number) => number,
  n: number,
): { all: AnswerGroup; months: AnswerGroup[] } {
  const group = (): AnswerGroup => ({ askers: new Set(), answerers: new Set() });
  const all = group();
  const months = Array.from({ length: n }, group);
  const first = new Map<string, { at: number; id: string }>();
  for (const [id, a] of Object.entries(index.answers)) {
    const prev = first.get(a.q);
    if (!prev || a.c < prev.at) first.set(a.q, { at: a.c, id });
  }
  for (const [q, a] of first) {
    const m = monthOf(a.at);
    const asker = byId.get(q)?.author?.id;
    const answerer = byId.get(a.id)?.author?.id;
    if (m < 0 || !index.questions[q] || !asker || !answerer) continue;
    for (const g of [all, months[m]!]) {
      g.askers.add(asker);
      g.answerers.add(answerer);
    }
  }
  return { all, months };
}

interface DuplicateGroup {
  count: number;
  people: Set<string>;
}

/**
 * Duplicate effort avoided at capture, community-wide: harvests saved as "Add to it" (a note adding to an existing
 * one) and "me too" on a question. The digest's `duplicate-avoided` events are this browser's alone (one person),
 * so the report counts what every member's choices left in the shared notes and question events instead.
 */
function duplicatePeople(
  notes: readonly Note[],
  byId: ReadonlyMap<string, Note>,
  events: ReportInput['questionEvents'],
  monthOf: (t: number) => number,
  n: number,
): { count: number; all: Set<string>; months: DuplicateGroup[] } {
  const months = Array.from({ length: n }, (): DuplicateGroup => ({ count: 0, people: new Set() }));
  const all = new Set<string>();
  const add = (at: number, who: string | undefined) => {
    const m = monthOf(at);
    if (m < 0 || !who) return;
    months[m]!.count++;
    months[m]!.people.add(who);
    all.add(who);
  };
  for (const note of notes) {
    const target = note.links?.addsTo;
    if (target && target !== note.id && byId.has(target)) add(note.createdAt, note.author?.id);
  }
  for (const e of events) {
    const q = byId.get(e.questionId);
    if (e.type === 'me-too' && q?.kind === 'question' && e.by !== q.author?.id) add(e.at, e.by);
  }
  return { count: months.reduce((s, m) => s + m.count, 0), all, months };
}
