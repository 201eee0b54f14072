import type { Page } from '@playwright/test';
import { noteSummary } from '../../lib/digest/note-summary';
import type { Note } from '../../lib/model';

export interface SeedRows {
  notes?: unknown[];
  thanks?: unknown[];
  events?: unknown[];
  kv?: { key: string; value: unknown }[];
}

/**
 * Writes rows straight into the extension's IndexedDB from one of its pages (the page must have opened the
 * database once, so the schema exists). Chunked: 50k notes do not fit one structured-clone message comfortably.
 * Notes get their numbered summary rows in the same transaction, as Dexie's middleware would write them
 * (lib/db/note-summaries.ts), so the digest reads the store an app would have.
 */
export async function seedExtensionDb(page: Page, rows: SeedRows, chunk = 5000): Promise<void> {
  const tables = Object.entries(rows) as [string, unknown[]][];
  for (const [table, list] of tables) {
    for (let i = 0; i < list.length; i += chunk) {
      const part = list.slice(i, i + chunk);
      const summaries = table === 'notes' ? (part as Note[]).map(noteSummary) : [];
      await page.evaluate(
        ({ table, part, summaries }) =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open('commonplace');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const idb = req.result;
              const tx = idb.transaction(summaries.length ? [table, 'noteSummaries', 'kv'] : [table], 'readwrite');
              const store = tx.objectStore(table);
              for (const row of part) store.put(row);
              if (summaries.length) {
                // Numbered after the store's last note write, as lib/db/note-summaries.ts numbers them.
                const kv = tx.objectStore('kv');
                const last = kv.get('digest:seq');
                last.onsuccess = () => {
                  let seq = (last.result as { value?: number } | undefined)?.value ?? 0;
                  for (const row of summaries) tx.objectStore('noteSummaries').put({ ...row, seq: ++seq });
                  kv.put({ key: 'digest:seq', value: seq });
                };
              }
              tx.oncomplete = () => {
                idb.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        { table, part, summaries },
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
