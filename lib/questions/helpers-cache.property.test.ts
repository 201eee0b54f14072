import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import type { QuestionEvent } from './events';
import { HelpersCache } from './helpers-cache';
import { HOUR_MS } from './ladder';
import { questionStates } from './states';
import { answer, CM, linked, question, T0 } from '../testing/questions';

const MEMBERS = ['ann', 'bob', 'carol', 'dan', 'eve', 'fac'];
const WORDS = ['deploy', 'staging', 'password', 'rotate', 'cache', 'kafka', 'lag', 'budget', 'oncall', 'review'];
const OTHER = '00000000-0000-4000-8000-0000000000c2';
const NOW = T0 + 200 * HOUR_MS; // every question has climbed to the helpers' rung by then
const FACILITATORS = { [CM]: ['fac'], [OTHER]: ['fac'] };

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 6 }).map((w) => `${w.join(' ')}?`);
const member = fc.constantFrom(...MEMBERS);
const hour = fc.integer({ min: 0, max: 150 });

/** One change to the store: what the new tab sees differ between two openings. */
const edit = fc.oneof(
  fc.record({ type: fc.constant('ask' as const), by: member, text, h: hour, other: fc.boolean() }),
  fc.record({ type: fc.constant('reword' as const), pick: fc.nat(), text }),
  fc.record({ type: fc.constant('delete-question' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('answer' as const), pick: fc.nat(), by: member, h: hour }),
  fc.record({ type: fc.constant('delete-answer' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('link' as const), pick: fc.nat(), by: member, h: hour }),
  fc.record({ type: fc.constant('insight' as const), by: member, text }),
  fc.record({ type: fc.constant('reopen' as const) }), // the saved cache is loaded again (a new tab opens)
);

function apply(notes: Note[], events: QuestionEvent[], e: EditValue) {
  const live = notes.filter((n) => n.deletedAt === undefined);
  const questions = live.filter((n) => n.kind === 'question');
  const answers = live.filter((n) => n.kind === 'answer');
  const at = <T>(xs: T[], i: number) => (xs.length ? xs[i % xs.length] : undefined);
  switch (e.type) {
    case 'ask':
      notes.push(
        question(e.by, {
          quote: e.text,
          createdAt: T0 + e.h * HOUR_MS,
          updatedAt: T0 + e.h * HOUR_MS,
          ...(e.other ? { communityId: OTHER } : {}),
        }),
      );
      break;
    case 'reword': {
      const q = at(questions, e.pick);
      if (q) Object.assign(q, { quote: e.text, updatedAt: q.updatedAt + 1 });
      break;
    }
    case 'delete-question': {
      const q = at(questions, e.pick);
      if (q) Object.assign(q, { deletedAt: NOW - 1, updatedAt: q.updatedAt + 1 });
      break;
    }
    case 'answer': {
      const q = at(questions, e.pick);
      if (q) notes.push(answer(q, e.by, q.createdAt + e.h * HOUR_MS));
      break;
    }
    case 'delete-answer': {
      const a = at(answers, e.pick);
      if (a) Object.assign(a, { deletedAt: NOW - 1, updatedAt: a.updatedAt + 1 });
      break;
    }
    case 'link': {
      const q = at(questions, e.pick);
      const n = at(live, e.pick + 1);
      if (q && n) events.push(linked({ questionId: q.id, noteId: n.id, by: e.by, at: q.createdAt + e.h * HOUR_MS }));
      break;
    }
    case 'insight':
      notes.push(question(e.by, { kind: 'insight', quote: e.text }));
      break;
    case 'reopen':
      break;
  }
}
type EditValue = typeof edit extends fc.Arbitrary<infer T> ? T : never;

describe('helpers cache', () => {
  it('a cached answer equals a fresh computation after any sequence of edits (and after a reload)', () => {
    let hits = 0;
    let misses = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ by: member, text, h: hour }), { minLength: 1, maxLength: 12 }),
        fc.array(edit, { minLength: 1, maxLength: 25 }),
        (start, edits) => {
          const notes: Note[] = start.map((s) =>
            question(s.by, { quote: s.text, createdAt: T0 + s.h * HOUR_MS, updatedAt: T0 + s.h * HOUR_MS }),
          );
          const events: QuestionEvent[] = [];
          let cache = new HelpersCache();
          const check = () => {
            const live = notes.filter((n) => n.deletedAt === undefined).map((n) => ({ ...n }));
            const input = { notes: live, events, now: NOW, facilitators: FACILITATORS };
            const cached = questionStates({ ...input, helpersCache: cache });
            expect(cached).toEqual(questionStates(input));
          };
          check();
          for (const e of edits) {
            apply(notes, events, e);
            if (e.type === 'reopen') cache = new HelpersCache(structuredClone(cache.toSaved()));
            cache.stats = { hits: 0, misses: 0 };
            check();
            hits += cache.stats.hits;
            misses += cache.stats.misses;
          }
        },
      ),
      { numRuns: 150 },
    );
    // Not vacuous: entries were both reused and recomputed across the runs.
    expect(hits).toBeGreaterThan(100);
    expect(misses).toBeGreaterThan(100);
  });

  it('drops a saved cache it cannot read rather than trusting it', () => {
    // Format 1 kept helpers by similar questions' answerers: a different model, so its entries are not reused.
    const old = { format: 1, version: 'x', entries: { q: { helpers: ['bob'], neighbours: [], answerers: '' } } };
    const cache = new HelpersCache(old as never);
    expect(cache.toSaved()).toEqual({ format: 2, version: '', entries: {} });
    expect(new HelpersCache({ format: 3, version: 'x', entries: {} } as never).toSaved().version).toBe('');
  });
});
