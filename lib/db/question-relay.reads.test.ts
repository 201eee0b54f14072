import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Note } from '../model';
import { HOUR_MS } from '../questions';
import { makeNote } from '../testing/make-note';
import { testMembership } from '../testing/membership';
import { answer, CM, linked, question, relayed, T0 } from '../testing/questions';
import { readsPerTransaction } from '../testing/reads-per-transaction';
import { questionEventsRepository } from './question-events';
import { relayableAmong, relayableAnswers } from './question-relay';
import { CommonplaceDb } from './schema';
import { syncState } from './sync-state';

/**
 * The popup's "Relay answer" used to walk every answer (the kind index, a cursor with a filter) for each render;
 * it now reads a question's answers through the `links.answers` index (issue 19). Same answer, fewer reads.
 */
let db: CommonplaceDb;
const NOW = T0 + 10 * HOUR_MS;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CommonplaceDb(`relay-reads-${Math.random()}`);
  await db.open();
  await syncState(db).putMembership(testMembership({ communityId: CM, memberId: 'me' }));
});
afterEach(async () => {
  await db.delete();
});

/**
 * The code this replaced, kept as the reference: every answer walked, filtered by the question it answers. The
 * rest (linked notes, the relay rule) is the code's own `relayableAmong`.
 */
async function byWalkOfEveryAnswer(questionIds: readonly string[], now: number): Promise<Map<string, string>> {
  const questions = (await db.notes.bulkGet([...questionIds])).filter(
    (n): n is Note => n !== undefined && n.kind === 'question' && n.deletedAt === undefined && !!n.chat,
  );
  if (questions.length === 0) return new Map();
  const ids = new Set(questions.map((q) => q.id));
  const events = (await Promise.all(questions.map((q) => questionEventsRepository(db).ofQuestion(q.id)))).flat();
  const answers = await db.notes
    .where('kind')
    .equals('answer')
    .filter((n) => ids.has(n.links?.answers ?? ''))
    .toArray();
  return relayableAmong(db, questions, events, answers, now);
}

const PEOPLE = ['me', 'ann', 'bob'];

describe('relayableAnswers reads a question’s answers by index', () => {
  it('answers as the walk over every answer did, on random stores', async () => {
    const storeArb = fc.record({
      questions: fc.array(fc.record({ by: fc.constantFrom(...PEOPLE), isChat: fc.boolean() }), {
        minLength: 1,
        maxLength: 6,
      }),
      answers: fc.array(
        fc.record({
          q: fc.nat(5),
          by: fc.constantFrom(...PEOPLE),
          hour: fc.nat(12),
          kind: fc.constantFrom('answer', 'answer', 'insight' as const),
          isDeleted: fc.boolean(),
        }),
        { maxLength: 14 },
      ),
      events: fc.array(
        fc.record({ q: fc.nat(5), a: fc.nat(13), by: fc.constantFrom(...PEOPLE), isRelay: fc.boolean() }),
        { maxLength: 4 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(storeArb, async (s) => {
        await db.transaction('rw', [db.notes, db.questionEvents], async () => {
          await db.notes.clear();
          await db.questionEvents.clear();
        });
        const qs = s.questions.map(({ by, isChat }) => {
          const q = question(by);
          if (isChat) return q;
          const { chat: _c, ...web } = q;
          return web;
        });
        const as = s.answers.map((a) => {
          const q = qs[a.q % qs.length]!;
          return answer(q, a.by, T0 + a.hour * HOUR_MS, {
            kind: a.kind,
            ...(a.isDeleted ? { deletedAt: T0 } : {}),
          });
        });
        await db.notes.bulkAdd([...qs, ...as, makeNote({ kind: 'insight' })]);
        for (const e of s.events) {
          const q = qs[e.q % qs.length]!;
          const a = as[e.a % Math.max(as.length, 1)];
          if (!a) continue;
          const base = { questionId: q.id, by: e.by, at: T0 + 11 * HOUR_MS };
          const ev = e.isRelay ? relayed({ ...base, answerId: a.id }) : linked({ ...base, noteId: a.id });
          await db.questionEvents.put({ ...ev, communityId: CM });
        }
        const ids = [...qs.map((q) => q.id), ...as.slice(0, 2).map((a) => a.id), 'gone'];
        expect(await relayableAnswers(db, ids, NOW)).toEqual(await byWalkOfEveryAnswer(ids, NOW));
      }),
      { numRuns: 100 },
    );
  });

  it('reads the asked questions and their answers, not every answer', async () => {
    const others = Array.from({ length: 40 }, (_, i) => question(`m${i}`));
    const mine = question('me');
    await db.notes.bulkAdd([
      ...others,
      ...others.flatMap((q, i) => Array.from({ length: 30 }, (_, k) => answer(q, `m${(i + k) % 7}`, T0 + k))),
      mine,
      answer(mine, 'ann', T0 + HOUR_MS),
      answer(mine, 'bob', T0 + 2 * HOUR_MS),
    ]);
    const reads: number[] = [];
    const watched = new CommonplaceDb(db.name);
    watched.use(readsPerTransaction(reads)); // rows and index keys alike
    try {
      const got = await relayableAnswers(watched, [mine.id], NOW);
      expect([...got]).toHaveLength(1);
      // The question (1), its two answers' index keys (2) and rows (2): 1,200 other answers are never read.
      expect(reads.reduce((a, b) => a + b, 0)).toBe(5);
      expect(got).toEqual(await byWalkOfEveryAnswer([mine.id], NOW));
    } finally {
      watched.close();
    }
  });
});
