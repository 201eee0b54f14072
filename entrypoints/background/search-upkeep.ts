import { browser } from 'wxt/browser';
import { db, searchIndex } from '@/lib/db';

const ALARM = 'search-index-compact';

/**
 * Keeps the saved search index fresh: folded on install and start-up (so the first popup never builds from
 * every note), then whenever the change log has grown, checked every half hour.
 */
export function registerSearchUpkeep(onNoteChanged: (id: string) => void = () => undefined) {
  // Every note write in the background — harvests, edits, deletes, sync merges — is logged for the index,
  // in one place, batched per tick.
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const mark = (id: unknown) => {
    changed.add(String(id));
    onNoteChanged(String(id));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ids = [...changed];
      changed.clear();
      void searchIndex.noteChanged(ids).catch((e: unknown) => console.error('search index', e));
    }, 30);
  };
  db.notes.hook('creating', function (id) {
    this.onsuccess = (key) => mark(key ?? id);
  });
  db.notes.hook('updating', function (_mods, id) {
    this.onsuccess = () => mark(id);
  });
  db.notes.hook('deleting', function (id) {
    this.onsuccess = () => mark(id);
  });

  const compact = () => void searchIndex.compact().catch((e: unknown) => console.error('search index', e));
  browser.runtime.onInstalled.addListener(compact);
  browser.runtime.onStartup.addListener(compact);
  void browser.alarms.create(ALARM, { periodInMinutes: 30 });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === ALARM && (await searchIndex.pendingChanges()) > 500) compact();
  });
}
