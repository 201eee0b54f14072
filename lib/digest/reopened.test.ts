import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import { questionStates } from '../questions';
import { makeNote } from '../testing/digest-seed';
import { computeDigest, facilitatorsOf, identityFromRows, type DigestInput, type DigestQuestionEvent } from './index';
import { DAY_MS } from './time';

// "No, that didn't answer it" (a `confirmed` event with isAnswered false from the asker or a facilitator) takes
// back the answers before it: the digest's unanswered list and time to answer follow lib/questions/replay.ts.
const NOW = Date.parse('2026-11-25T12:00:00Z');
const alice = { id: 'alice', name: 'Alice' };
const bob = { id: 'bob', name: 'Bob' };
const run = (notes: Note[], questionEvents: DigestQuestionEvent[], over: Partial<DigestInput> = {}) =>
  computeDigest({
    notes,
    thanks: [],
    events: [],
    settings: { meIds: ['me'] },
    now: NOW,
    timeZone: 'UTC',
    questionEvents,
    ...over,
  }).digest;
const timeToAnswer = (d: ReturnType<typeof run>) => d.health.find((m) => m.id === 'medianAnswerMs')!.value;

let e = 0;
type Confirmed = Extract<DigestQuestionEvent, { type: 'confirmed' }>;
const confirmed = (q: Note, by: string, at: number, isAnswered: boolean, byRole?: Confirmed['byRole']): Confirmed => ({
  id: `00000000-0000-4000-8000-${String(++e).padStart(12, '0')}`,
  type: 'confirmed',
  questionId: q.id,
  by,
  at,
  isAnswered,
  ...(byRole ? { byRole } : {}),
});
const no = (q: Note, by: string, at: number, byRole?: Confirmed['byRole']) => confirmed(q, by, at, false, byRole);
const yes = (q: Note, by: string, at: number) => confirmed(q, by, at, true);

const question = makeNote({ createdAt: NOW - 5 * DAY_MS, kind: 'question', author: alice, takeaway: 'How to X?' });
const answer = makeNote({ createdAt: NOW - 3 * DAY_MS, kind: 'answer', author: bob, links: { answers: question.id } });

describe('the digest after "no, that didn\'t answer it"', () => {
  it('lists an answered question again, counted, waiting from the "no", with no time to answer', () => {
    const before = run([question, answer], []);
    expect(before.unanswered.total).toBe(0);
    expect(timeToAnswer(before)).toBe(2 * DAY_MS);

    const after = run([question, answer], [no(question, 'alice', NOW - DAY_MS)]);
    expect(after.unanswered.total).toBe(1);
    expect(after.unanswered.questions.map((q) => [q.id, q.ageDays])).toEqual([[question.id, 1]]);
    expect(timeToAnswer(after)).toBeNull();
  });

  it('agrees with the question board: open again there too', () => {
    const events = [no(question, 'alice', NOW - DAY_MS)];
    const board = questionStates({ notes: [question, answer], events, now: NOW });
    expect(board.questions[0]!.answerIds).toEqual([]);
    expect(run([question, answer], events).unanswered.questions.map((q) => q.id)).toEqual([question.id]);
  });

  it('counts a later answer, timed from the question to that answer', () => {
    const later = makeNote({ createdAt: NOW - DAY_MS / 2, kind: 'answer', links: { answers: question.id } });
    const d = run([question, answer, later], [no(question, 'alice', NOW - DAY_MS)]);
    expect(d.unanswered.total).toBe(0);
    expect(timeToAnswer(d)).toBe(4.5 * DAY_MS);
  });

  it('counts a "no" from a facilitator (by pulled role or by the user\'s own role), not from anyone else', () => {
    const open = (events: DigestQuestionEvent[], over: Partial<DigestInput> = {}) =>
      run([question, answer], events, over).unanswered.total;
    expect(open([no(question, 'carol', NOW - DAY_MS)])).toBe(0);
    expect(open([no(question, 'carol', NOW - DAY_MS, 'member')])).toBe(0);
    expect(open([no(question, 'carol', NOW - DAY_MS, 'facilitator')])).toBe(1);
    expect(open([no(question, 'carol', NOW - DAY_MS, 'admin')])).toBe(1);
    expect(open([no(question, 'me', NOW - DAY_MS)])).toBe(0);
    expect(
      open([no(question, 'me', NOW - DAY_MS)], { settings: { meIds: ['me'], facilitators: { c1: ['me'] } } }),
    ).toBe(1);
    // Another community's facilitator may not.
    expect(
      open([no(question, 'me', NOW - DAY_MS)], { settings: { meIds: ['me'], facilitators: { c2: ['me'] } } }),
    ).toBe(0);
  });

  it('sees no "no" dated after now, and a "yes" after it resolves for good', () => {
    expect(run([question, answer], [no(question, 'alice', NOW + 1)]).unanswered.total).toBe(0);
    const resolved = run(
      [question, answer],
      [no(question, 'alice', NOW - 2 * DAY_MS), yes(question, 'alice', NOW - DAY_MS)],
    );
    expect(resolved.unanswered.total).toBe(0);
  });

  it('orders the list by how long each question has waited', () => {
    const newer = makeNote({ createdAt: NOW - 2 * DAY_MS, kind: 'question', author: bob });
    const d = run([question, answer, newer], [no(question, 'alice', NOW - DAY_MS)]);
    expect(d.unanswered.questions.map((q) => q.id)).toEqual([newer.id, question.id]);
  });

  it("knows where the user facilitates from their memberships' roles", () => {
    const identity = identityFromRows(
      [
        { communityId: 'c1', memberId: 'm1', role: 'facilitator' },
        { communityId: 'c2', memberId: 'm2', role: 'member' },
        { communityId: 'c3', memberId: 'm3', role: 'admin' },
        { communityId: 'c4', memberId: 'm4' },
      ],
      undefined,
    );
    expect(facilitatorsOf(identity)).toEqual({ c1: ['m1'], c3: ['m3'] });
  });
});
