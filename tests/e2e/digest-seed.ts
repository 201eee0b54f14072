import type { Page } from '@playwright/test';
import { noteSummary } from '../../lib/digest/note-summary';
import type { Note } from '../../lib/model';
import { DIGEST_KEYS } from '../../lib/db/digest-keys';
import {
  BUCKET_FORMAT,
  bucketEntries,
  bucketOf,
  encodeBucket,
  type NoteSummaryRow,
  type SummaryBucketRow,
} from '../../lib/db/summary-bucket';
import {
  foldFingerprint,
  foldIntoRecount,
  isLiveFingerprint,
  isLiveRecount,
  LIVE_FINGERPRINT_KEY,
  LIVE_RECOUNT_KEY,
} from '../../lib/db/live-fingerprint';
import type { NoteSummary } from '../../lib/digest/note-summary';

export interface SeedRows {
  notes?: unknown[];
  thanks?: unknown[];
  events?: unknown[];
  kv?: { key: string; value: unknown }[];
}

/**
 * Writes rows straight into the extension's IndexedDB from one of its pages, once the extension has created it
 * (waitForSchema). Chunked: 50k notes do not fit one structured-clone message comfortably.
 * Notes get their numbered summaries in the store's bucket rows, as Dexie's middleware would write them
 * (lib/db/note-summaries.ts), so the digest reads the store an app would have: the buckets are read once, merged
 * here with the real codec (lib/db/summary-bucket.ts), and written with the last chunk of notes. So does the live
 * notes' fingerprint the middleware keeps (lib/db/live-fingerprint.ts), where the store keeps one (or a recount
 * is under way): the cold digest checks the summaries against it.
 */
export async function seedExtensionDb(page: Page, rows: SeedRows, chunk = 5000): Promise<void> {
  await waitForSchema(page);
  const tables = Object.entries(rows) as [string, unknown[]][];
  for (const [table, list] of tables) {
    const summaries = table === 'notes' ? await summariesWith(page, list as Note[]) : null;
    for (let i = 0; i < list.length; i += chunk) {
      const part = list.slice(i, i + chunk);
      const extra = summaries && i + chunk >= list.length ? summaries : null;
      await page.evaluate(
        ({ table, part, extra }) =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open('commonplace');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const idb = req.result;
              let tx: IDBTransaction;
              try {
                tx = idb.transaction(extra ? [table, 'summaryBuckets', 'kv'] : [table], 'readwrite');
              } catch (e) {
                idb.close();
                return reject(e);
              }
              const store = tx.objectStore(table);
              for (const row of part) store.put(row);
              if (extra) {
                for (const b of extra.buckets) {
                  tx.objectStore('summaryBuckets').put({
                    ...b,
                    refs: Int32Array.from(b.refs),
                    nums: Float64Array.from(b.nums),
                  });
                }
                tx.objectStore('kv').put({ key: 'digest:seq', value: extra.seq });
                tx.objectStore('kv').put({ key: extra.layout.key, value: extra.layout.value });
                for (const row of extra.live) tx.objectStore('kv').put(row);
              }
              tx.oncomplete = () => {
                idb.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        { table, part, extra },
      );
    }
  }
}

type PlainBucket = Omit<SummaryBucketRow, 'refs' | 'nums'> & { refs: number[]; nums: number[] };

/** The store's buckets with `notes` put in them, numbered after its last note write, and that number. */
async function summariesWith(
  page: Page,
  notes: Note[],
): Promise<{
  buckets: PlainBucket[];
  seq: number;
  layout: { key: string; value: number };
  live: { key: string; value: unknown }[];
}> {
  const stored = await page.evaluate(
    ({ liveKey, recountKey }) =>
      new Promise<{ buckets: PlainBucket[]; seq: number; live: unknown; recount: unknown }>((resolve, reject) => {
        const req = indexedDB.open('commonplace');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          let tx: IDBTransaction;
          try {
            tx = idb.transaction(['summaryBuckets', 'kv']);
          } catch (e) {
            idb.close();
            return reject(e);
          }
          const all = tx.objectStore('summaryBuckets').getAll();
          const seq = tx.objectStore('kv').get('digest:seq');
          const live = tx.objectStore('kv').get(liveKey);
          const recount = tx.objectStore('kv').get(recountKey);
          tx.oncomplete = () => {
            idb.close();
            resolve({
              live: (live.result as { value?: unknown } | undefined)?.value,
              recount: (recount.result as { value?: unknown } | undefined)?.value,
              buckets: (all.result as SummaryBucketRow[]).map((b) => ({
                ...b,
                refs: Array.from(b.refs),
                nums: Array.from(b.nums),
              })),
              seq: (seq.result as { value?: number } | undefined)?.value ?? 0,
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { liveKey: LIVE_FINGERPRINT_KEY, recountKey: LIVE_RECOUNT_KEY },
  );
  const entries = new Map<number, Map<string, NoteSummaryRow>>();
  for (const b of stored.buckets) {
    entries.set(b.b, bucketEntries({ ...b, refs: Int32Array.from(b.refs), nums: Float64Array.from(b.nums) }));
  }
  let seq = stored.seq;
  const touched = new Set<number>();
  const changes = new Map<string, [NoteSummary | undefined, NoteSummary | undefined]>();
  for (const n of notes) {
    const b = bucketOf(n.id);
    if (!entries.has(b)) entries.set(b, new Map());
    const summary = noteSummary(n);
    changes.set(n.id, [changes.get(n.id)?.[0] ?? entries.get(b)!.get(n.id), summary]);
    entries.get(b)!.set(n.id, { ...summary, seq: ++seq });
    touched.add(b);
  }
  const live: { key: string; value: unknown }[] = [];
  if (isLiveFingerprint(stored.live))
    live.push({ key: LIVE_FINGERPRINT_KEY, value: foldFingerprint(stored.live, changes.values()) });
  if (isLiveRecount(stored.recount))
    live.push({ key: LIVE_RECOUNT_KEY, value: foldIntoRecount(stored.recount, changes) });
  const buckets = [...touched].map((b) => {
    const row = encodeBucket(b, entries.get(b)!.values());
    return { ...row, refs: Array.from(row.refs), nums: Array.from(row.nums) };
  });
  return { buckets, seq, layout: { key: DIGEST_KEYS.layout, value: BUCKET_FORMAT }, live };
}

/**
 * Waits until the extension has created its database with its schema (a page's or the service worker's Dexie
 * open; a page's `goto` can resolve before it). Never creates it: an open that would make a new, empty database
 * is aborted and tried again, since a version-1 database left by a raw open would block the app's own upgrade.
 */
export async function waitForSchema(page: Page, store = 'summaryBuckets', timeoutMs = 30_000): Promise<void> {
  await page.evaluate(
    ({ store, timeoutMs }) =>
      new Promise<void>((resolve, reject) => {
        const until = Date.now() + timeoutMs;
        const again = (why: string) =>
          Date.now() > until
            ? reject(new Error(`the extension's database has no '${store}' store after ${timeoutMs} ms (${why})`))
            : setTimeout(attempt, 50);
        const attempt = () => {
          const req = indexedDB.open('commonplace');
          req.onupgradeneeded = () => req.transaction?.abort(); // not created yet: leave that to the app
          req.onerror = () => again(String(req.error?.name));
          req.onsuccess = () => {
            const idb = req.result;
            const ready = idb.objectStoreNames.contains(store);
            idb.close();
            if (ready) resolve();
            else again('no such store yet');
          };
        };
        attempt();
      }),
    { store, timeoutMs },
  );
}

/** Reads a whole table back (small tables only): what the test asserts was written. */
export async function readTable<T>(page: Page, table: string): Promise<T[]> {
  await waitForSchema(page);
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
