import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import {
  advanceIndex,
  computeDigest,
  emptyIndex,
  neededQuestionIds,
  type DigestInput,
  type DigestThank,
} from './index';
import { makeNote, seedStore } from '../testing/digest-seed';
import { DAY_MS } from './time';

// Wednesday 2026-11-25 12:00 UTC; the UTC week began Monday 2026-11-23.
const NOW = Date.parse('2026-11-25T12:00:00Z');
const me = { meIds: ['me'] };
const run = (notes: Note[], over: Partial<DigestInput> = {}) =>
  computeDigest({ notes, thanks: [], events: [], settings: me, now: NOW, timeZone: 'UTC', ...over }).digest;
const alice = { id: 'alice', name: 'Alice' };
const bob = { id: 'bob', name: 'Bob' };

describe('computeDigest', () => {
  it('gives an empty, calm digest for an empty store', () => {
    const d = run([]);
    expect(d.isEmpty).toBe(true);
    expect(d.harvest).toEqual({ total: 0, groups: [] });
    expect(d.unanswered.total).toBe(0);
    expect(d.ghostTown).toEqual([]);
    expect(d.archive).toBeNull();
    expect(d.weekStarts).toHaveLength(12);
    expect(d.weekStart).toBe(Date.parse('2026-11-23T00:00:00Z'));
    for (const m of d.health) expect(m.trend).toHaveLength(12);
    expect(d.health.find((m) => m.id === 'activeContributors')!.value).toBe(0);
    expect(d.health.find((m) => m.id === 'medianAnswerMs')!.value).toBeNull();
  });

  it('shows a single note in the harvest with who harvested and who is credited', () => {
    const n = makeNote({ createdAt: NOW - 3_600_000, kind: 'snippet', author: alice, contributors: [bob] });
    const d = run([n]);
    expect(d.isEmpty).toBe(false);
    expect(d.harvest.total).toBe(1);
    expect(d.harvest.groups).toHaveLength(1);
    expect(d.harvest.groups[0]!.kind).toBe('snippet');
    expect(d.harvest.groups[0]!.notes[0]).toMatchObject({ id: n.id, author: alice, contributors: [bob] });
    expect(d.health.find((m) => m.id === 'firstTime')!.value).toBe(1);
    expect(d.health.find((m) => m.id === 'depth')!.value).toBe(1);
    expect(d.ghostTown).toEqual([]);
  });

  it('lists unanswered questions oldest first with their age, answered across communities', () => {
    const q1 = makeNote({ createdAt: NOW - 10 * DAY_MS, kind: 'question', communityId: 'c1', author: alice });
    const q2 = makeNote({ createdAt: NOW - 3 * DAY_MS, kind: 'question', communityId: 'c1', author: alice });
    const q3 = makeNote({ createdAt: NOW - 5 * DAY_MS, kind: 'question', communityId: 'c1', author: bob });
    const answer = makeNote({
      createdAt: NOW - DAY_MS,
      kind: 'answer',
      communityId: 'c2',
      author: bob,
      links: { answers: q3.id },
    });
    const deletedAnswer = makeNote({
      createdAt: NOW - DAY_MS,
      kind: 'answer',
      links: { answers: q2.id },
      deletedAt: NOW,
    });
    const d = run([q1, q2, q3, answer, deletedAnswer]);
    expect(d.unanswered.total).toBe(2);
    expect(d.unanswered.questions.map((q) => [q.id, q.ageDays])).toEqual([
      [q1.id, 10],
      [q2.id, 3],
    ]);
    expect(d.health.find((m) => m.id === 'medianAnswerMs')!.value).toBe(4 * DAY_MS);
    const huddle = d.rituals.find((r) => r.communityId === 'c1')!.rituals.find((r) => r.ritual.kind === 'huddle')!;
    expect(huddle.feeds.map((f) => f.id)).toEqual([q1.id, q2.id]);
  });

  it('puts a note into "this week" by the user’s time zone', () => {
    // Sunday 23:30 in UTC, but already Monday 12:30 in Auckland (UTC+13).
    const late = makeNote({ createdAt: Date.parse('2026-11-22T23:30:00Z'), kind: 'win' });
    expect(run([late]).harvest.total).toBe(0);
    const nz = run([late], { timeZone: 'Pacific/Auckland' });
    expect(nz.harvest.total).toBe(1);
    expect(nz.wins.map((w) => w.id)).toEqual([late.id]);
    expect(nz.weekStart).toBe(Date.parse('2026-11-22T11:00:00Z'));
    // Exactly at Monday 00:00 belongs to the new week; one millisecond before does not.
    const edge = makeNote({ createdAt: Date.parse('2026-11-23T00:00:00Z') });
    const before = makeNote({ createdAt: Date.parse('2026-11-23T00:00:00Z') - 1 });
    expect(run([edge, before]).harvest.groups[0]!.notes.map((n) => n.id)).toEqual([edge.id]);
  });

  it('rejects an unknown time zone', () => {
    expect(() => run([], { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('names people to thank and thanks the user received this week', () => {
    const a = makeNote({ createdAt: NOW - 40 * DAY_MS, author: alice });
    const mine = makeNote({ createdAt: NOW - 40 * DAY_MS, author: { id: 'me', name: 'Me' } });
    const t = (noteId: string, memberId: string, at = NOW - DAY_MS): DigestThank => ({
      id: `${noteId}:${memberId}`,
      noteId,
      memberId,
      memberName: memberId === 'bob' ? 'Bob' : memberId,
      communityId: 'c1',
      createdAt: at,
    });
    const d = run([a, mine], {
      thanks: [t(a.id, 'bob'), t(a.id, 'alice'), t(mine.id, 'bob'), t(a.id, 'me', NOW - 30 * DAY_MS)],
      events: [{ type: 'note-opened', noteId: a.id, at: NOW - 2 * DAY_MS }],
    });
    expect(d.people.toThank).toHaveLength(1);
    expect(d.people.toThank[0]).toMatchObject({ person: alice, thanks: 1, opens: 1, isThanked: true });
    expect(d.people.received.map((r) => [r.from, r.note.id])).toEqual([['Bob', mine.id]]);
  });

  it('resurfaces one older note per day, well-thanked and rarely seen first, resting shown ones', () => {
    const old = Array.from({ length: 5 }, (_, i) => makeNote({ createdAt: NOW - (60 + i) * DAY_MS }));
    const recent = makeNote({ createdAt: NOW - DAY_MS });
    const thanks = [{ id: 'x', noteId: old[3]!.id, memberId: 'bob', communityId: 'c1', createdAt: NOW - 50 * DAY_MS }];
    expect(run([...old, recent], { thanks }).archive!.id).toBe(old[3]!.id);
    const rested = run([...old, recent], { thanks, settings: { ...me, archiveShown: { [old[3]!.id]: '2026-11-20' } } });
    expect(rested.archive!.id).not.toBe(old[3]!.id);
    const today = run(old, { settings: { ...me, archiveShown: { [old[1]!.id]: '2026-11-25' } } });
    expect(today.archive!.id).toBe(old[1]!.id);
    expect(run([recent]).archive).toBeNull();
  });

  it('warns of a ghost town', () => {
    const q = makeNote({ createdAt: NOW - 20 * DAY_MS, kind: 'question' });
    expect(run([q])).toMatchObject({ ghostTown: ['questions-waiting-14d', 'no-harvest-7d'] });
    const a = makeNote({ createdAt: NOW - 2 * DAY_MS, kind: 'answer', links: { answers: q.id } });
    expect(run([q, a]).ghostTown).toEqual([]);
  });

  it('computes the next date of each ritual and honours an edited schedule', () => {
    const n = makeNote({ createdAt: NOW - DAY_MS, communityId: 'c9' });
    const d = run([n], {
      settings: {
        ...me,
        rituals: { c9: [{ id: 'r', kind: 'ama', title: 'AMA', cadence: 'monthly', anchor: '2026-01-31' }] },
      },
    });
    expect(d.rituals).toHaveLength(1);
    expect(d.rituals[0]!.rituals.map((r) => r.nextDay)).toEqual(['2026-11-30']);
    const dflt = run([n]).rituals[0]!.rituals.map((r) => [r.ritual.kind, r.nextDay]);
    expect(dflt).toEqual([
      ['huddle', '2026-11-25'],
      ['win-thread', '2026-11-27'],
      ['ama', '2026-12-15'],
      ['show-and-tell', '2027-01-22'],
    ]);
  });

  it('gives the same digest from a persisted index and a recent window as from a full scan of 50k notes', () => {
    const all = seedStore(50_000, NOW);
    const full = run(all);
    expect(full.harvest.total).toBeGreaterThan(200);
    expect(full.unanswered.total).toBeGreaterThan(100);

    const index = advanceIndex(emptyIndex('UTC'), all, me.meIds, 'UTC');
    const windowStart = full.weekStarts[0]!;
    const needed = new Set(neededQuestionIds(index));
    const stories = all
      .filter((n) => n.kind === 'story')
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, 6);
    const partial = all.filter((n) => n.createdAt >= windowStart || needed.has(n.id));
    const first = computeDigest({
      notes: [...partial, ...stories],
      thanks: [],
      events: [],
      settings: me,
      now: NOW,
      timeZone: 'UTC',
      index,
    });
    const { archive: _a, ...fullRest } = full;
    const { archive: _b, ...incRest } = first.digest;
    expect(incRest).toEqual(fullRest);
    expect(Object.keys(first.index.weeks)).toHaveLength(11);

    // A day later: a few new notes (one answers the oldest open question); only the current week is re-read.
    const later = NOW + DAY_MS;
    const oldest = full.unanswered.questions[0]!;
    const added = [
      makeNote({
        createdAt: later - 1000,
        kind: 'answer',
        links: { answers: oldest.id },
        author: { id: 'newbie', name: 'New' },
      }),
      makeNote({ createdAt: later - 500, kind: 'win' }),
    ];
    const next = advanceIndex(first.index, added, me.meIds, 'UTC');
    const thisWeek = [...all, ...added].filter((n) => n.createdAt >= full.weekStart);
    const needed2 = new Set(neededQuestionIds(next));
    const second = computeDigest({
      notes: [...thisWeek, ...all.filter((n) => needed2.has(n.id)), ...stories],
      thanks: [],
      events: [],
      settings: me,
      now: later,
      timeZone: 'UTC',
      index: next,
    }).digest;
    const fullLater = run([...all, ...added], { now: later });
    expect(second.unanswered.questions[0]!.id).not.toBe(oldest.id);
    const { archive: _c, ...s2 } = second;
    const { archive: _d, ...f2 } = fullLater;
    expect(s2).toEqual(f2);
  });

  it('recomputes a cached past week when a note in it changes', () => {
    const notes = seedStore(2000, NOW, 120, 3);
    const first = computeDigest({ notes, thanks: [], events: [], settings: me, now: NOW, timeZone: 'UTC' });
    const target = notes.find((n) => n.createdAt < NOW - 20 * DAY_MS && n.createdAt > NOW - 27 * DAY_MS)!;
    const gone = { ...target, deletedAt: NOW, updatedAt: NOW };
    const index = advanceIndex(structuredClone(first.index), [gone], me.meIds, 'UTC');
    const ws = first.digest.weekStarts.find(
      (w, i, all) => gone.createdAt >= w && gone.createdAt < (all[i + 1] ?? Infinity),
    )!;
    expect(index.weeks[ws]).toBeUndefined();
    const after = notes.map((n) => (n.id === gone.id ? gone : n));
    const inc = computeDigest({ notes: after, thanks: [], events: [], settings: me, now: NOW, timeZone: 'UTC', index });
    expect(inc.digest.health).toEqual(run(after).health);
    expect(inc.digest.health).not.toEqual(first.digest.health);
  });

  it('keeps New York weeks whole across the end of daylight saving time', () => {
    const now = Date.parse('2026-11-04T15:00:00Z'); // Wednesday after DST ended on Sunday Nov 1
    const d = run([], { now, timeZone: 'America/New_York' });
    expect(new Date(d.weekStart).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(new Date(d.weekStarts[10]!).toISOString()).toBe('2026-10-26T04:00:00.000Z');
  });
});
