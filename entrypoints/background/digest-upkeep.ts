import { browser } from 'wxt/browser';
import { db, type CommonplaceDb } from '@/lib/db';
import { readDigestSettings, ritualSchedules } from '@/lib/db/digest-settings';
import { DIGEST_KEYS, digestRequest, loadDigest, readIdentity, type DigestMemo } from '@/lib/db/digest-engine';
import { compactSummaries, fillNoteSummaries, isCompactionDue, isFillDue } from '@/lib/db/summary-fill';
import { readLiveFingerprint, recountLiveFingerprint } from '@/lib/db/live-fingerprint';
import { announceDigestStored } from '@/lib/messaging/protocol';
import { dayStart, localDay } from '@/lib/digest';
import { logger } from '@/lib/log';

const ALARM = 'digest-day';
/** Long enough to fold a sync merge's burst of writes into one run, short enough to beat the next new tab. */
const DEBOUNCE_MS = 100;

export interface DigestUpkeep {
  /** Something the digest reads changed: mark the ready digest pending and recompute soon (debounced). */
  changed(): void;
  /** Recompute now (after any run under way); resolves when the ready digest is stored. */
  refresh(): Promise<void>;
}

/**
 * Recomputes the ready digest off the new tab's critical path, one run at a time. Every piece of state is in
 * IndexedDB (index, ready digest, pending mark), so a killed service worker only delays the next run.
 */
export function createDigestUpkeep(
  store: CommonplaceDb,
  {
    delayMs = DEBOUNCE_MS,
    now = Date.now,
    timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    announce = announceDigestStored,
  } = {},
): DigestUpkeep {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let isMarked = false;
  const memo: DigestMemo = {};

  async function run() {
    isMarked = false;
    // After v6's upgrade (or a rebuild) the summary buckets are filled here first, in short chunks; a new tab
    // opened meanwhile computes from the notes themselves. Log rows that piled up (an import, a sync) are moved
    // into the buckets, so a tab without an index reads a few hundred rows.
    if (await isFillDue(store)) await fillNoteSummaries(store);
    if (await isCompactionDue(store)) await compactSummaries(store);
    const startedAt = now();
    const [identity, { rawRituals }] = await Promise.all([readIdentity(store), readDigestSettings()]);
    await loadDigest(store, digestRequest(identity, rawRituals, startedAt, timeZone()), memo);
    // A store that never counted its live notes' fingerprint counts it once, after the digest is stored: from then
    // on the notes middleware keeps it, and a cold digest checks the summaries against it instead of counting the
    // notes before its paint (lib/db/summary-reads.ts).
    if (!(await readLiveFingerprint(store))) await recountLiveFingerprint(store);
    await store.transaction('rw', store.kv, async () => {
      const pending = (await store.kv.get(DIGEST_KEYS.pending))?.value;
      if (typeof pending !== 'number' || pending <= startedAt) await store.kv.delete(DIGEST_KEYS.pending);
    });
    announce();
  }
  // The previous run's failure was reported by its caller; the next run starts regardless.
  const refresh = () => (running = running.catch(() => undefined).then(run));

  return {
    changed() {
      if (!isMarked) {
        isMarked = true;
        void store.kv.put({ key: DIGEST_KEYS.pending, value: now() }).catch(report);
      }
      clearTimeout(timer);
      timer = setTimeout(() => void refresh().catch(report), delayMs);
    },
    refresh,
  };
}

const report = logger('digest upkeep').failed('refresh failed');

/** The next local midnight in the browser's zone, plus a second: when yesterday's digest goes stale. */
export function nextMidnight(t: number, timeZone: string): number {
  return dayStart(localDay(t, timeZone) + 1, timeZone) + 1000;
}

/**
 * Keeps the ready digest current in the background: after every note, thank, event, question event or membership write here
 * (harvests, sync merges), when the digest settings change, at local midnight, hourly, and on start-up.
 */
export function registerDigestUpkeep(): DigestUpkeep {
  const upkeep = createDigestUpkeep(db);
  const changed = () => upkeep.changed();
  // Question events too: a "no, that didn't answer it" puts a question back on the unanswered list.
  for (const table of [db.notes, db.thanks, db.events, db.questionEvents] as const) {
    table.hook('creating', function () {
      this.onsuccess = changed;
    });
    table.hook('updating', function () {
      this.onsuccess = changed;
    });
    table.hook('deleting', function () {
      this.onsuccess = changed;
    });
  }
  db.kv.hook('creating', function (key) {
    if (String(key).startsWith('sync:member:')) this.onsuccess = changed;
  });
  db.kv.hook('updating', function (_mods, key) {
    if (String(key).startsWith('sync:member:')) this.onsuccess = changed;
  });
  ritualSchedules.watch(changed);

  const refresh = () => void upkeep.refresh().catch(report);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  void browser.alarms.create(ALARM, { when: nextMidnight(Date.now(), zone), periodInMinutes: 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) refresh();
  });
  browser.runtime.onStartup.addListener(refresh);
  browser.runtime.onInstalled.addListener(refresh);
  // A worker stopped mid-fill resumes it at its next start.
  void isFillDue(db)
    .then((isDue) => isDue && refresh())
    .catch(report);
  // Reachable from the service worker's console, tests and the benchmark (which seed IndexedDB directly).
  Object.assign(globalThis, { commonplaceDigest: upkeep });
  return upkeep;
}
