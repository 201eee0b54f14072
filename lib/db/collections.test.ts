import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { collectionsRepository } from './collections';
import { CommonplaceDb } from './schema';

let db: CommonplaceDb;
afterEach(async () => {
  await db?.delete();
});

describe('collections repository', () => {
  it('creates, fills, orders, renames and lists collections', async () => {
    db = new CommonplaceDb(`t-${Math.random()}`);
    let t = 100;
    const repo = collectionsRepository(db, () => t++);
    const made = await repo.create('Onboarding', 'Read these first');
    if (!made.ok) throw new Error(made.error);
    const id = made.value.id;
    await repo.addNotes(id, ['n1', 'n2', 'n3']);
    await repo.moveNote(id, 'n3', 0);
    await repo.removeNotes(id, ['n2']);
    expect((await repo.rename(id, '  New hires  ')).ok).toBe(true);
    const got = await repo.get(id);
    expect(got).toMatchObject({ name: 'New hires', description: 'Read these first', noteIds: ['n3', 'n1'] });
    await repo.create('Later');
    expect((await repo.list()).map((c) => c.name)).toEqual(['Later', 'New hires']);
  });

  it('refuses bad input and changes nothing', async () => {
    db = new CommonplaceDb(`t-${Math.random()}`);
    const repo = collectionsRepository(db);
    expect((await repo.create('  ')).ok).toBe(false);
    expect(await repo.list()).toEqual([]);
    const made = await repo.create('A');
    if (!made.ok) throw new Error(made.error);
    expect((await repo.rename(made.value.id, '')).ok).toBe(false);
    expect((await repo.get(made.value.id))!.name).toBe('A');
    expect((await repo.addNotes('missing', ['x'])).ok).toBe(false);
  });
});
