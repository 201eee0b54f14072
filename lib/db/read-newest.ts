import type { Note } from '../model';
import { openExisting } from './open-existing';

/**
 * The `limit` newest live notes, straight from IndexedDB without Dexie (or zod, or React): the popup's early
 * paint waits for none of their code. Null when the database or its notes store does not exist yet: it is
 * never created or upgraded here (the upgrade is aborted; Dexie creates it with its schema).
 */
export function readNewest(limit: number, name = 'commonplace'): Promise<Note[] | null> {
  return readNotes(name, (store, out, done) => {
    const index = store.index('createdAt') as IDBIndex & Partial<GetAllRecords>;
    // One round trip for a page of the newest rows (Chrome 141+: 1-4 ms at 100k notes, where a cursor's
    // row-by-row continue() took 8-80 ms); a cursor where getAllRecords is missing, or when deleted notes
    // leave the page short of `limit` live ones.
    if (!index.getAllRecords) return readByCursor(index, limit, out);
    const count = limit * 2;
    const page = index.getAllRecords({ direction: 'prev', count });
    page.onsuccess = () => {
      const live = page.result.map((r) => r.value as Note).filter((n) => n.deletedAt === undefined);
      if (live.length < limit && page.result.length === count) return readByCursor(index, limit, out);
      out.push(...live.slice(0, limit));
      done(); // the rows are here: no need to wait for the transaction's completion (one more round trip)
    };
  });
}

/** IndexedDB 3's getAllRecords (in Chrome since 141; not yet in the DOM library's types). */
interface GetAllRecords {
  getAllRecords(options: { direction: IDBCursorDirection; count: number }): IDBRequest<{ value: unknown }[]>;
}

function readByCursor(index: IDBIndex, limit: number, out: Note[]) {
  const cursor = index.openCursor(null, 'prev');
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (!c) return;
    const note = c.value as Note;
    if (note.deletedAt === undefined) out.push(note);
    if (out.length < limit) c.continue();
  };
}

/** The live notes of `ids`, in that order (the search host's answer), read like readNewest. */
export function readByIds(ids: string[], name = 'commonplace'): Promise<Note[] | null> {
  return readNotes(name, (store, out, done) => {
    const rows: (Note | undefined)[] = [];
    let left = ids.length;
    ids.forEach((id, i) => {
      const get = store.get(id);
      get.onsuccess = () => {
        rows[i] = get.result as Note | undefined;
        if (--left > 0) return;
        for (const note of rows) if (note && note.deletedAt === undefined) out.push(note);
        done();
      };
    });
    if (left === 0) done();
  });
}

/** One connection per database for the page's early reads (early-search reads rows per query): opening costs more. */
const connections = new Map<string, Promise<IDBDatabase | null>>();

/**
 * Collects notes in one read-only transaction on the page's connection (opened on first use): resolved when
 * the transaction completes, or sooner when `read` calls `done`.
 */
async function readNotes(
  name: string,
  read: (store: IDBObjectStore, out: Note[], done: () => void) => void,
): Promise<Note[] | null> {
  const pending = connections.get(name) ?? openExisting(name, 'notes', () => connections.delete(name));
  connections.set(name, pending);
  let idb: IDBDatabase | null;
  try {
    idb = await pending;
  } catch (e) {
    connections.delete(name);
    throw e;
  }
  if (!idb) {
    connections.delete(name); // not created yet: ask again next time
    return null;
  }
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('notes');
    const out: Note[] = [];
    read(tx.objectStore('notes'), out, () => resolve(out));
    tx.oncomplete = () => resolve(out);
    tx.onerror = () => reject(tx.error);
  });
}
