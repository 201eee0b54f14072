import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOUR_MS } from '../questions';
import { answer, linked, question, relayed, T0 } from '../testing/questions';
import { relayableAnswers } from './question-relay';
import { CommonplaceDb } from './schema';

let db: CommonplaceDb;
const NOW = T0 + 10 * HOUR_MS;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CommonplaceDb(`test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

// Personal notes (no community, no member ids): the question is this browser's owner's, so theirs to relay.
const personal = { communityId: null, author: undefined } as const;

describe('relayableAnswers (the popup card’s "Relay answer")', () => {
  it('names the newest answer of each answered chat question, and nothing for others', async () => {
    const q = question('me', personal);
    const a1 = answer(q, 'bob', T0 + HOUR_MS, personal);
    const a2 = answer(q, 'cy', T0 + 2 * HOUR_MS, personal);
    const open = question('me', { ...personal, quote: 'Who owns the lag alert?' });
    const { chat: _c, ...web } = question('me', { ...personal, quote: 'Asked on a web page?' });
    const webAnswer = answer(web, 'bob', T0 + HOUR_MS, personal);
    await db.notes.bulkAdd([q, a1, a2, open, web, webAnswer]);
    const got = await relayableAnswers(db, [q.id, open.id, web.id, a1.id, 'gone'], NOW);
    expect([...got]).toEqual([[q.id, a2.id]]);
  });

  it('counts an answer linked by an event, and offers nothing once relayed', async () => {
    const q = question('me', personal);
    const note = answer(question('x'), 'bob', T0 + HOUR_MS, { ...personal, kind: 'insight', links: {} });
    await db.notes.bulkAdd([q, note]);
    await db.questionEvents.add({
      ...linked({ questionId: q.id, noteId: note.id, by: 'me', at: T0 + HOUR_MS }),
      communityId: null,
    });
    expect([...(await relayableAnswers(db, [q.id], NOW))]).toEqual([[q.id, note.id]]);
    await db.questionEvents.add({
      ...relayed({ questionId: q.id, answerId: note.id, by: 'me', at: T0 + 2 * HOUR_MS }),
      communityId: null,
    });
    expect((await relayableAnswers(db, [q.id], NOW)).size).toBe(0);
  });

  it("offers nothing for someone else's question answered by someone else", async () => {
    const q = question('ann');
    await db.notes.bulkAdd([q, answer(q, 'bob', T0 + HOUR_MS)]);
    expect((await relayableAnswers(db, [q.id], NOW)).size).toBe(0);
  });
});
