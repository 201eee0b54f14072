import { uuidv7 } from 'uuidv7';
import { CollectionSchema, addNotes, moveNote, newCollection, removeNotes, type Collection } from '../collections';
import { err, ok, type Result } from '../model';
import type { CommonplaceDb } from './schema';

/**
 * The collections repository: named, hand-ordered lists of note ids. Rules live in lib/collections (pure);
 * this module only reads, applies them and writes, each change in one transaction.
 */
export function collectionsRepository(db: CommonplaceDb, now: () => number = Date.now) {
  const change = (id: string, fn: (c: Collection) => Collection): Promise<Result<Collection>> =>
    db.transaction('rw', db.collections, async () => {
      const row = await db.collections.get(id);
      if (!row) return err('No such collection');
      const next = fn(row);
      await db.collections.put(next);
      return ok(next);
    });

  return {
    async create(name: string, description?: string): Promise<Result<Collection>> {
      const made = newCollection(uuidv7(), name, now(), description);
      if (made.ok) await db.collections.add(made.value);
      return made;
    },
    async rename(id: string, name: string): Promise<Result<Collection>> {
      const parsed = CollectionSchema.shape.name.safeParse(name);
      if (!parsed.success) return err(parsed.error.issues[0]?.message ?? 'invalid name');
      return change(id, (c) => ({ ...c, name: parsed.data, updatedAt: Math.max(now(), c.updatedAt + 1) }));
    },
    addNotes: (id: string, noteIds: string[], at?: number) => change(id, (c) => addNotes(c, noteIds, now(), at)),
    removeNotes: (id: string, noteIds: string[]) => change(id, (c) => removeNotes(c, noteIds, now())),
    moveNote: (id: string, noteId: string, to: number) => change(id, (c) => moveNote(c, noteId, to, now())),
    async remove(id: string): Promise<void> {
      await db.collections.delete(id);
    },
    get: (id: string): Promise<Collection | undefined> => db.collections.get(id),
    /** Most recently changed first. */
    list: (): Promise<Collection[]> => db.collections.orderBy('updatedAt').reverse().toArray(),
  };
}
export type CollectionsRepository = ReturnType<typeof collectionsRepository>;
