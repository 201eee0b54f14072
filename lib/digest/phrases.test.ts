import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import { computeDigest } from './index';
import { countOf, GHOST_TEXT, harvestSummary, helpedPhrase, waitingFor, waitingSummary } from './phrases';
import { makeNote } from '../testing/digest-seed';
import { DAY_MS } from './time';

// Wednesday 2026-11-25 12:00 UTC.
const NOW = Date.parse('2026-11-25T12:00:00Z');
const digestOf = (notes: Note[]) =>
  computeDigest({ notes, thanks: [], events: [], settings: { meIds: ['me'] }, now: NOW, timeZone: 'UTC' }).digest;

describe('the new tab’s sentences', () => {
  it('count in the singular and the plural', () => {
    expect(countOf(1, 'note', 'notes')).toBe('1 note');
    expect(countOf(0, 'note', 'notes')).toBe('0 notes');
    expect(harvestSummary(1)).toBe('1 note this week');
    expect(harvestSummary(1200, (n) => n.toLocaleString('en'))).toBe('1,200 notes this week');
    expect(waitingSummary(1)).toBe('1 question is waiting for an answer');
    expect(waitingSummary(3)).toBe('3 questions are waiting for an answer, oldest first');
  });

  it('say how long a question has waited in days, never "0 d"', () => {
    expect(waitingFor(0)).toBe('asked today');
    expect(waitingFor(1)).toBe('asked yesterday');
    expect(waitingFor(4)).toBe('waiting 4 days');
  });

  it('say what a note did for others and leave out what did not happen', () => {
    expect(helpedPhrase(1, 0)).toBe('thanked once');
    expect(helpedPhrase(0, 2)).toBe('opened twice by others');
    expect(helpedPhrase(3, 1)).toBe('thanked 3 times and opened once by others');
    expect(helpedPhrase(2, 5)).not.toMatch(/\b0\b/);
  });
});

describe('the quiet-community banner is true of the digest beside it', () => {
  it('says nothing about answers when the open questions are new, even with no answer ever', () => {
    const q = makeNote({ kind: 'question', createdAt: NOW - 3 * DAY_MS });
    expect(digestOf([q]).ghostTown).toEqual([]);
  });

  it('says nothing about answers when every question is answered', () => {
    const q = makeNote({ kind: 'question', createdAt: NOW - 30 * DAY_MS });
    const a = makeNote({ kind: 'answer', createdAt: NOW - 20 * DAY_MS, links: { answers: q.id } });
    const today = makeNote({ kind: 'insight', createdAt: NOW - 60_000 });
    const d = digestOf([q, a, today]);
    expect(d.unanswered.total).toBe(0);
    expect(d.ghostTown).toEqual([]);
  });

  it('names a question that waited two weeks, which the unanswered list shows waiting that long', () => {
    const q = makeNote({ kind: 'question', createdAt: NOW - 20 * DAY_MS });
    // Two answers harvested today, to no question of ours: they do not make the sentence false.
    const answers = [1, 2].map((i) => makeNote({ kind: 'answer', createdAt: NOW - i * 3_600_000 }));
    const d = digestOf([q, ...answers]);
    expect(d.ghostTown).toEqual(['questions-waiting-14d']);
    expect(GHOST_TEXT['questions-waiting-14d']).toMatch(/waited more than two weeks/);
    expect(waitingFor(d.unanswered.questions[0]!.ageDays)).toBe('waiting 20 days');
    expect(d.harvest.groups.find((g) => g.kind === 'answer')?.notes).toHaveLength(2);
  });

  it('is silent once any question got an answer in the last two weeks', () => {
    const old = makeNote({ kind: 'question', createdAt: NOW - 20 * DAY_MS });
    const other = makeNote({ kind: 'question', createdAt: NOW - 10 * DAY_MS });
    const a = makeNote({ kind: 'answer', createdAt: NOW - DAY_MS, links: { answers: other.id } });
    expect(digestOf([old, other, a]).ghostTown).toEqual([]);
  });
});
