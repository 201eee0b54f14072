import type { Page } from '@playwright/test';

export interface SeedRows {
  notes?: unknown[];
  thanks?: unknown[];
  events?: unknown[];
  kv?: { key: string; value: unknown }[];
}

/**
 * Writes rows straight into the extension's IndexedDB from one of its pages (the page must have opened the
 * database once, so the schema exists). Chunked: 50k notes do not fit one structured-clone message comfortably.
 */
export async function seedExtensionDb(page: Page, rows: SeedRows, chunk = 5000): Promise<void> {
  const tables = Object.entries(rows) as [string, unknown[]][];
  for (const [table, list] of tables) {
    for (let i = 0; i < list.length; i += chunk) {
      await page.evaluate(
        ({ table, part }) =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open('commonplace');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const idb = req.result;
              const tx = idb.transaction(table, 'readwrite');
              const store = tx.objectStore(table);
              for (const row of part) store.put(row);
              tx.oncomplete = () => {
                idb.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        { table, part: list.slice(i, i + chunk) },
      );
    }
  }
}

/** Reads a whole table back (small tables only): what the test asserts was written. */
export async function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (table) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('commonplace');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const get = idb.transaction(table).objectStore(table).getAll();
          get.onsuccess = () => {
            idb.close();
            resolve(get.result as T[]);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    table,
  );
}
