import { browser } from 'wxt/browser';
import { db } from '@/lib/db';
import { searchIndex } from '@/lib/db/saved-search-index';
import { onBackgroundMessage, sendToSearchHost } from '@/lib/messaging/messenger';
import { ensureSearchHost, hasSearchHost } from '@/lib/search-host/ensure-host';
import { logger } from '@/lib/log';

const log = logger('search upkeep');

const ALARM = 'search-index-compact';

/**
 * Saves the index with the change log folded in. On Chrome the search host does it with the index it
 * already holds warm (the service worker never decodes the index); elsewhere the background does.
 */
async function compact(rebuild = false): Promise<void> {
  if (!hasSearchHost()) {
    await (rebuild ? searchIndex.rebuild() : searchIndex.compact());
    return;
  }
  await ensureSearchHost();
  await sendToSearchHost('compactSearchIndex', { rebuild });
}

/** Rebuilds the saved index from every note (benchmarks and tests seed IndexedDB behind the hooks' back). */
export const rebuildSearchIndex = () => compact(true);

/**
 * Keeps the saved search index fresh: folded on install and start-up (which also starts the search host,
 * so the first popup finds the index warm), then whenever the change log has grown, checked every half hour.
 * Every note write is logged, then reported to the host so its warm index follows.
 */
export function registerSearchUpkeep(onNoteChanged: (id: string) => void = () => undefined): {
  notesChanged(ids: string[]): void;
} {
  // Every note write in the background — harvests, edits, deletes, sync merges — is logged for the index,
  // in one place, batched per tick.
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async (ids: string[]) => {
    await searchIndex.noteChanged(ids);
    // No host yet: it replays the log when it opens.
    // A host that is not there (yet) reads the change log when it opens the index: nothing is lost.
    if (hasSearchHost()) await sendToSearchHost('searchIndexChanged', { ids }).catch(() => undefined);
  };
  const mark = (id: unknown) => {
    changed.add(String(id));
    onNoteChanged(String(id));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ids = [...changed];
      changed.clear();
      flush(ids).catch(log.failed('search index'));
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

  if (hasSearchHost()) onBackgroundMessage('ensureSearchHost', () => ensureSearchHost());
  const fold = () => void compact().catch(log.failed('search index'));
  browser.runtime.onInstalled.addListener(fold);
  browser.runtime.onStartup.addListener(fold);
  void browser.alarms.create(ALARM, { periodInMinutes: 30 });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === ALARM && (await searchIndex.pendingChanges()) > 500) fold();
  });
  // Writes made in other extension pages, reported by them: the same path as this context's hooks.
  return { notesChanged: (ids) => ids.forEach(mark) };
}
