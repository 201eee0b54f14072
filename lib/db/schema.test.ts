import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { makeNote } from '../../tests/factories';
import { CommonplaceDb } from './schema';

describe('schema migrations', () => {
  it('upgrades a v1 database: notes kept, page keys filled, new tables usable', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ notes: 'id, createdAt, updatedAt, kind, *tags, page.url' });
    const { pageKey: _dropped, ...old } = makeNote({
      page: { url: 'https://www.example.com/a/?utm_source=x', canonicalUrl: 'https://example.com/a', title: 'A' },
    });
    await v1.table('notes').add(old);
    v1.close();

    const db = new CommonplaceDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    const [note] = await db.notes.toArray();
    expect(note).toMatchObject({ id: old.id, quote: old.quote, pageKey: 'example.com/a' });
    expect(await db.notes.where('pageKey').equals('example.com/a').count()).toBe(1);
    await db.kv.put({ key: 'k', value: 1 });
    expect(await db.kv.get('k')).toEqual({ key: 'k', value: 1 });
    await db.delete();
  });
});
