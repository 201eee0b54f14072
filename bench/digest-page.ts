import type { Page } from '@playwright/test';
import { DAY_MS } from '../lib/digest/time';
import type { seedStore } from '../lib/testing/digest-seed';
import { seededRandom } from '../lib/testing/seeded-random';

export interface Timing {
  fcp: number;
  full: number;
  /** The question board on screen (the page's `questions-rendered` mark). */
  board: number;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const r1 = (x: number) => Math.round(x * 10) / 10;

/** Reads or deletes kv rows from one of the extension's pages (raw IndexedDB: no hooks fire). */
function onKv<T>(page: Page, arg: { keys: string[]; mode: 'delete' | 'get' }): Promise<T> {
  return page.evaluate(
    ({ keys, mode }) =>
      new Promise<T>((resolve, reject) => {
        const req = indexedDB.open('commonplace');
        req.onsuccess = () => {
          const tx = req.result.transaction('kv', mode === 'delete' ? 'readwrite' : 'readonly');
          const got: unknown[] = [];
          for (const key of keys) {
            if (mode === 'delete') tx.objectStore('kv').delete(key);
            else tx.objectStore('kv').get(key).onsuccess = (e) => got.push((e.target as IDBRequest).result);
          }
          tx.oncomplete = () => {
            req.result.close();
            resolve(got as T);
          };
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    arg,
  );
}

/** Forgets the stored digest and index: the next tab is the first one after install. */
export const clearDigestState = (page: Page) =>
  onKv(page, { keys: ['digest:index', 'digest:day', 'digest:archive-shown', 'digest:pending'], mode: 'delete' });

/** Waits until the background has marked the stored digest pending (its write is asynchronous). */
export async function pendingMark(page: Page): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await onKv<unknown[]>(page, { keys: ['digest:pending'], mode: 'get' });
    if (row) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the background never marked the digest pending');
}

/** Thanks and events at a plausible density for a store of `n` notes. */
export function activity(notes: ReturnType<typeof seedStore>, now: number) {
  const rand = seededRandom(99);
  const pick = () => notes[Math.floor(rand() * notes.length)]!;
  const thanks = Array.from({ length: Math.floor(notes.length / 10) }, (_, i) => {
    const note = pick();
    const memberId = `m${Math.floor(rand() * 40)}`;
    return {
      id: `${note.id}:${memberId}:${i}`,
      noteId: note.id,
      memberId,
      communityId: note.communityId ?? 'personal',
      createdAt: note.createdAt + Math.floor(rand() * DAY_MS),
    };
  });
  const events = Array.from({ length: Math.min(3000, Math.floor(notes.length / 10)) }, () => {
    const at = Math.floor(now - rand() * 90 * DAY_MS);
    return rand() < 0.8 ? { type: 'note-opened', noteId: pick().id, at } : { type: 'duplicate-avoided', at };
  });
  return { thanks, events };
}
