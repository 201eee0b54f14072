/**
 * Rewrites a note's row with plain IndexedDB, as no Dexie write does: nothing is announced, so a reader that
 * keeps rows until Dexie announces a write (lib/db/note-rows.ts) is shown what it would miss (test-only).
 */
export function putUnannounced(dbName: string, row: unknown): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onsuccess = () => {
      const tx = open.result.transaction('notes', 'readwrite');
      tx.objectStore('notes').put(row);
      tx.oncomplete = () => (open.result.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}
