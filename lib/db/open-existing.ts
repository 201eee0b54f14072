/**
 * Opens the database as it is, without Dexie (a page's first paint waits for neither Dexie's code nor its open),
 * and never creates or upgrades it: the upgrade is aborted, and Dexie creates it with its schema. Null when the
 * database, or `store` in it, does not exist yet. The connection closes itself when Dexie needs to upgrade the
 * schema (`onClose` then runs), so it never stands in Dexie's way.
 */
export function openExisting(name: string, store: string, onClose?: () => void): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve(null) : reject(open.error));
    open.onsuccess = () => {
      const idb = open.result;
      idb.onversionchange = () => {
        idb.close();
        onClose?.();
      };
      if (idb.objectStoreNames.contains(store)) return resolve(idb);
      idb.close();
      resolve(null);
    };
  });
}
