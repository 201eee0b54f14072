import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import { makeBareNote } from '../testing/make-note';
import { impactReport, type ReportInput } from './figures';
import { impactMarkdown } from './markdown';
import type { LedgerCell, LedgerSummary } from './types';

const CM = 'c-makers';
const NOW = Date.parse('2026-12-05T03:00:00Z');
const OCT = Date.parse('2026-10-10T12:00:00Z');
const NOV = Date.parse('2026-11-10T12:00:00Z');
const HOUR = 3_600_000;
const person = (i: number) => ({ id: `m${i}`, name: `Person${i}` });
const note = (over: Partial<Note>) => makeBareNote({ communityId: CM, takeaway: 'a note', ...over });

function input(notes: Note[], over: Partial<ReportInput> = {}): ReportInput {
  return {
    communityId: CM,
    communityName: 'Makers',
    notes,
    questionEvents: [],
    events: [],
    summary: null,
    summaryProblem: 'the endpoint did not answer.',
    now: NOW,
    timeZone: 'UTC',
    ...over,
  };
}

const cell = (members: number, minutesSaved: number): LedgerCell => ({
  members,
  entries: members,
  minutesSaved,
  medianMinutes: 30,
  wins: 1,
  stories: 1,
});

function summary(over: Partial<LedgerSummary> = {}): LedgerSummary {
  return {
    communityId: CM,
    from: '2026-10-01T00:00:00.000Z',
    to: '2027-01-01T00:00:00.000Z',
    timeZone: 'UTC',
    k: 5,
    total: cell(12, 600),
    byMonth: [
      { month: '2026-10', cell: cell(6, 300) },
      { month: '2026-11', cell: cell(7, 240) },
      { month: '2026-12', cell: null },
    ],
    bySource: [
      { source: 'search', cell: cell(8, 400) },
      { source: 'digest', cell: cell(5, 200) },
    ],
    outcomes: [],
    named: [],
    ...over,
  };
}

describe('impactReport', () => {
  it('gives the median time to answer per month, shown only when five askers and five answerers stand behind it', () => {
    const notes: Note[] = [];
    // October: five askers, five answerers, answered after 1..5 hours (median 3 h). November: four of each.
    for (let i = 0; i < 5; i++) {
      const q = note({ kind: 'question', author: person(i), createdAt: OCT });
      notes.push(
        q,
        note({ kind: 'answer', author: person(10 + i), links: { answers: q.id }, createdAt: OCT + (i + 1) * HOUR }),
      );
    }
    for (let i = 0; i < 4; i++) {
      const q = note({ kind: 'question', author: person(i), createdAt: NOV });
      notes.push(q, note({ kind: 'answer', author: person(10 + i), links: { answers: q.id }, createdAt: NOV + HOUR }));
    }
    const r = impactReport(input(notes));
    expect(r.timeToAnswer.byMonth.map((m) => m.cell)).toEqual([{ people: 5, value: 3 * HOUR }, null, null]);
    // The quarter's nine waits: 1, 1, 1, 1, 1, 2, 3, 4, 5 hours.
    expect(r.timeToAnswer.total).toEqual({ people: 5, value: HOUR });
    const md = impactMarkdown(r);
    expect(md).toContain('| October 2026 | 3 hours |');
    expect(md).toContain('| November 2026 | fewer than 5 people |');
  });

  it('counts duplicates avoided from "Add to it" notes and me-too events, and hides a month a subtraction would reveal', () => {
    const first = note({ kind: 'insight', author: person(0), createdAt: Date.parse('2026-09-01T00:00:00Z') });
    const q = note({ kind: 'question', author: person(0), createdAt: OCT });
    const adds = [0, 1, 2, 3, 4, 5].map((i) =>
      note({ author: person(i), links: { addsTo: first.id }, createdAt: OCT }),
    );
    const late = note({ author: person(1), links: { addsTo: first.id }, createdAt: NOV });
    const meToo = [6, 7].map((i) => ({ type: 'me-too' as const, questionId: q.id, by: `m${i}`, at: NOV }));
    // The asker's own me-too is no duplicate avoided.
    const own = { type: 'me-too' as const, questionId: q.id, by: 'm0', at: NOV };
    const r = impactReport(input([first, q, ...adds, late], { questionEvents: [...meToo, own] }));
    expect(r.duplicatesAvoided.total).toEqual({ people: 8, value: 9 });
    // November (3 by 3 people) is hidden; October alone would give it back as 9 - 6, so it is hidden too.
    expect(r.duplicatesAvoided.byMonth.map((m) => m.cell)).toEqual([null, null, null]);
  });

  it('counts kinds and depth, and first-time contributors against the whole history', () => {
    const veteran = [0, 1, 2, 3, 4].map((i) =>
      note({ author: person(i), createdAt: Date.parse('2026-06-01T00:00:00Z') }),
    );
    const kinds = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) =>
      note({ kind: i < 5 ? 'snippet' : 'link', author: person(i), createdAt: OCT + i }),
    );
    const r = impactReport(input([...veteran, ...kinds]));
    expect(r.harvest).toEqual({ people: 10, value: 10 });
    expect(r.depth.deepShare).toEqual({ people: 10, value: 0.5 });
    expect(r.depth.byKind.find((d) => d.kind === 'snippet')!.cell).toEqual({ people: 5, value: 5 });
    expect(r.depth.byKind.find((d) => d.kind === 'insight')!.cell).toBeNull();
    expect(r.diversity.contributors).toEqual({ people: 10, value: 10 });
    expect(r.diversity.firstTime).toEqual({ people: 5, value: 5 });
    expect(r.diversity.topShare).toEqual({ people: 10, value: 0.1 });
  });

  it('takes time saved from the ledger, hides a cell below k, and never goes below 5 whatever the endpoint says', () => {
    const r = impactReport(input([], { summary: summary() }));
    expect(r.timeSaved).toMatchObject({ isAvailable: true, total: { people: 12, value: { minutesSaved: 600 } } });
    if (!r.timeSaved.isAvailable) throw new Error('unreachable');
    // December is hidden by the endpoint; October + November would give it back as 600 - 540: the smaller goes too.
    expect(r.timeSaved.byMonth.map((m) => m.cell?.people ?? null)).toEqual([null, 7, null]);
    const lax = impactReport(input([], { summary: summary({ k: 2, total: cell(3, 90) }) }));
    expect(lax.k).toBe(5);
    expect(lax.timeSaved).toMatchObject({ total: null });
    expect(impactMarkdown(lax)).toContain('for the notes they opened\\: fewer than 5 people.');
    const strict = impactReport(input([], { summary: summary({ k: 7 }) }));
    // k 7 hides the digest's 5 people; search alone would give it back from the total, so it goes too.
    expect(strict.timeSaved).toMatchObject({ total: { people: 12 }, bySource: [{ cell: null }, { cell: null }] });
  });

  it('says why time saved is missing when the endpoint gave no summary, and tells no stories', () => {
    const r = impactReport(input([]));
    expect(r.timeSaved).toEqual({ isAvailable: false, reason: 'the endpoint did not answer.' });
    expect(impactMarkdown(r)).toContain('The impact ledger is not available\\: the endpoint did not answer.');
    expect(r.stories).toEqual([]);
  });

  it('tells stories from outcomes with their notes, stories first, naming only members who consent', () => {
    const helped = note({ kind: 'snippet', author: person(1), takeaway: 'Blue-green deploy script', createdAt: OCT });
    const story = note({
      kind: 'story',
      author: person(2),
      takeaway: 'We shipped the migration in a day',
      createdAt: NOV,
    });
    const win = note({ kind: 'win', author: person(3), takeaway: 'Staging is green again', createdAt: NOV + 1 });
    const r = impactReport(
      input([helped, story, win], {
        summary: summary({
          outcomes: [
            { noteId: helped.id, outcome: 'win', outcomeNoteId: win.id },
            { noteId: helped.id, outcome: 'story', outcomeNoteId: story.id },
            { noteId: 'gone', outcome: 'story', outcomeNoteId: null },
          ],
          named: [{ memberId: 'm2', displayName: 'Dana' }],
        }),
      }),
    );
    expect(r.stories).toEqual([
      { outcome: 'story', title: story.takeaway, madeFrom: helped.takeaway, by: 'Dana', madeFromBy: null },
      { outcome: 'win', title: win.takeaway, madeFrom: helped.takeaway, by: null, madeFromBy: null },
    ]);
    const md = impactMarkdown(r);
    expect(md).toContain('A story, by Dana, made possible by the note\\: Blue-green deploy script.');
    expect(md).not.toMatch(/Person\d/);
  });

  it('ignores other communities, deleted notes and notes from after now', () => {
    const others = [0, 1, 2, 3, 4].map((i) => note({ author: person(i), communityId: 'other', createdAt: OCT }));
    const gone = [0, 1, 2, 3, 4].map((i) => note({ author: person(i), createdAt: OCT, deletedAt: OCT + 1 }));
    const future = [0, 1, 2, 3, 4].map((i) => note({ author: person(i), createdAt: NOW + HOUR }));
    expect(impactReport(input([...others, ...gone, ...future])).harvest).toBeNull();
  });
});
