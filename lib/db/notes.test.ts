import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDraft } from '../testing/make-note';
import { CommonplaceDb } from './schema';
import { notesRepository } from './notes';

let db: CommonplaceDb;
let clock = 1_000;
const repo = () => notesRepository(db, () => clock);

beforeEach(async () => {
  db = new CommonplaceDb(`test-${Math.random()}`);
  await db.open();
  clock = 1_000;
});
afterEach(async () => {
  await db.delete();
});

describe('notes repository', () => {
  it('creates a note with a client-made UUIDv7, a page key and times', async () => {
    const r = await repo().create(
      makeDraft({
        tags: ['react', 'react', 'Hooks'],
        page: { url: 'https://www.ex.com/a/?utm_source=x#f', canonicalUrl: 'https://www.ex.com/a/', title: 'A' },
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(r.value.tags).toEqual(['react', 'hooks']);
    expect(r.value.pageKey).toBe('ex.com/a');
    expect(r.value.createdAt).toBe(1_000);
    expect(await db.notes.count()).toBe(1);
  });

  it('createMany saves a batch in one step, or nothing when any draft is bad', async () => {
    const bad = await repo().createMany([makeDraft({ quote: 'one' }), { ...makeDraft(), kind: 'rant' }]);
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.error).toMatch(/^Note 2: /);
    expect(await db.notes.count()).toBe(0);
    expect(await repo().createMany([])).toMatchObject({ ok: false });
    expect(await repo().createMany('not a list')).toMatchObject({ ok: false });
    const good = await repo().createMany([makeDraft({ quote: 'one' }), makeDraft({ quote: 'two' })]);
    expect(good.ok && good.value.map((n) => n.quote)).toEqual(['one', 'two']);
    expect(await db.notes.count()).toBe(2);
  });

  it('rejects bad input with a clear error and writes nothing', async () => {
    const bad = [
      { ...makeDraft(), kind: 'rant' },
      { ...makeDraft(), page: { url: 'javascript:alert(1)', canonicalUrl: 'javascript:alert(1)', title: 'x' } },
      { ...makeDraft(), quote: 'nul \u0000 byte' },
      { ...makeDraft(), takeaway: 'lone \ud800 surrogate' },
      { ...makeDraft(), extra: 'field' },
      null,
      'a string',
    ];
    for (const input of bad) {
      const r = await repo().create(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
    }
    expect(await db.notes.count()).toBe(0);
  });

  it('edits takeaway, kind and tags only, and moves updatedAt forward even if the clock went back', async () => {
    const created = await repo().create(makeDraft());
    if (!created.ok) throw new Error(created.error);
    clock = 500;
    const r = await repo().update(created.value.id, { takeaway: 'new', kind: 'question', tags: ['a', 'a'] });
    expect(r.ok && r.value).toMatchObject({ takeaway: 'new', kind: 'question', tags: ['a'], updatedAt: 1_001 });
    const sneaky = await repo().update(created.value.id, { quote: 'changed' });
    expect(sneaky.ok).toBe(false);
    expect((await db.notes.get(created.value.id))?.quote).toBe(created.value.quote);
  });

  it('deletes as a tombstone that undo restores', async () => {
    const created = await repo().create(makeDraft());
    if (!created.ok) throw new Error(created.error);
    const id = created.value.id;
    clock = 2_000;
    expect((await repo().remove(id)).ok).toBe(true);
    expect(await repo().get(id)).toBeUndefined();
    expect(await repo().newest(10)).toEqual([]);
    expect((await db.notes.get(id))?.deletedAt).toBe(2_000);
    expect((await repo().remove(id)).ok).toBe(false);
    expect((await repo().restore(id)).ok).toBe(true);
    expect((await repo().get(id))?.deletedAt).toBeUndefined();
    expect((await repo().restore(id)).ok).toBe(false);
  });

  it('finds a page’s notes by any URL of the same page, newest notes first, and tag counts', async () => {
    const page = {
      url: 'https://example.org/post?id=1&utm_campaign=z',
      canonicalUrl: 'https://example.org/post?id=1',
      title: 'P',
    };
    for (let i = 0; i < 3; i++) {
      clock += 10;
      await repo().create(makeDraft({ page, tags: i ? ['b'] : ['a', 'b'] }));
    }
    await repo().create(makeDraft());
    expect(await repo().forPage('http://www.example.org/post/?id=1#top')).toHaveLength(3);
    const newest = await repo().newest(2);
    expect(newest).toHaveLength(2);
    expect(newest[0]!.createdAt).toBeGreaterThanOrEqual(newest[1]!.createdAt);
    expect(await repo().tagCounts()).toEqual([
      { tag: 'b', count: 3 },
      { tag: 'a', count: 1 },
      { tag: 'react', count: 1 },
    ]);
  });
});
