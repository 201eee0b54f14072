import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOUR_MS, type SavedHelpers } from '../questions';
import { joinCommunityForTest } from '../testing/membership';
import { answer, question, T0 } from '../testing/questions';
import { HELPERS_KEY, loadQuestionBoard } from './question-board';
import { CommonplaceDb } from './schema';

let db: CommonplaceDb;
const NOW = T0 + 100 * HOUR_MS;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CommonplaceDb(`test-${Math.random()}`);
  await db.open();
  await joinCommunityForTest(db);
});
afterEach(async () => {
  await db.delete();
});

const saved = async () => (await db.kv.get(HELPERS_KEY))?.value as SavedHelpers | undefined;

describe('loadQuestionBoard keeps the helpers between openings', () => {
  it('saves them, answers the same from them, and recomputes when a question changes', async () => {
    const old = question('me', { quote: 'How do we rotate the staging database password?' });
    const open = question('ann', { quote: 'How do we rotate the staging database password safely?' });
    await db.notes.bulkAdd([old, open, answer(old, 'bob', T0 + HOUR_MS)]);

    const first = await loadQuestionBoard(db, NOW);
    const kept = await saved();
    expect(Object.keys(kept?.entries ?? {})).toContain(open.id);
    expect(kept!.entries[open.id]!.helpers).toEqual(['bob']);
    expect(await loadQuestionBoard(db, NOW)).toEqual(first);

    // A new question anywhere changes the similarity model's version: the saved entries are replaced.
    await db.notes.add(question('carol', { quote: 'Who owns the kafka lag alert?' }));
    await loadQuestionBoard(db, NOW);
    expect((await saved())!.version).not.toBe(kept!.version);
  });
});
