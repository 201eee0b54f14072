import type { Note } from '@/lib/model';

/**
 * The `limit` newest live notes, straight from IndexedDB without Dexie (or zod, or React): the popup's early
 * paint waits for none of their code. Null when the database or its notes store does not exist yet: it is
 * never created or upgraded here (the upgrade is aborted; Dexie creates it with its schema).
 */
export function readNewest(limit: number, name = 'commonplace'): Promise<Note[] | null> {
  return readNotes(name, (store, out) => {
    const cursor = store.index('createdAt').openCursor(null, 'prev');
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      const note = c.value as Note;
      if (note.deletedAt === undefined) out.push(note);
      if (out.length < limit) c.continue();
    };
  });
}

/** The live notes of `ids`, in that order (the search host's answer), read like readNewest. */
export function readByIds(ids: string[], name = 'commonplace'): Promise<Note[] | null> {
  return readNotes(name, (store, out) => {
    for (const id of ids) {
      const get = store.get(id);
      get.onsuccess = () => {
        const note = get.result as Note | undefined;
        if (note && note.deletedAt === undefined) out.push(note);
      };
    }
  });
}

/** Opens the database as it is (never creating it) and collects notes in one read-only transaction. */
function readNotes(name: string, read: (store: IDBObjectStore, out: Note[]) => void): Promise<Note[] | null> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve(null) : reject(open.error));
    open.onsuccess = () => {
      const idb = open.result;
      // Dexie may need to upgrade the schema meanwhile: never stand in its way.
      idb.onversionchange = () => idb.close();
      if (!idb.objectStoreNames.contains('notes')) {
        idb.close();
        resolve(null);
        return;
      }
      const tx = idb.transaction('notes');
      const out: Note[] = [];
      read(tx.objectStore('notes'), out);
      tx.oncomplete = () => {
        idb.close();
        resolve(out);
      };
      tx.onerror = () => {
        idb.close();
        reject(tx.error);
      };
    };
  });
}
