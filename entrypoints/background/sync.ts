import { liveQuery } from 'dexie';
import { db } from '@/lib/db';
import { pendingCount } from '@/lib/db/outbox';
import { createSyncEngine, type SyncOutcome } from '@/lib/sync/engine';
import { expertiseSettings } from '@/lib/sync/expertise';
import { impactLedger } from '@/lib/sync/impact';
import { onBackgroundMessage } from '@/lib/messaging/messenger';
import { type SyncRunSummary } from '@/lib/messaging/protocol';
import { describeCallError } from '@/lib/sync/transport';
import { isExtensionPage } from './senders';
import { logger } from '@/lib/log';

const log = logger('sync');

const PERIODIC = 'commonplace-sync';
const RETRY = 'commonplace-sync-retry';
/** A burst of edits becomes one sync. */
const DEBOUNCE_MS = 4_000;
const PERIOD_MINUTES = 5;

/**
 * Background sync: on a schedule (alarms survive the worker), when the browser comes back online, a few
 * seconds after the outbox changes (set-aside changes wait for the user) (in any extension context: Dexie broadcasts writes), on demand, and once
 * at start-up, which is how a killed worker resumes. Backoff lives in IndexedDB; a retry alarm honours it.
 * Returns a teardown.
 */
export function registerSync(): () => void {
  const engine = createSyncEngine({ db, fetch: (url, init) => fetch(url, init) });
  const expertise = expertiseSettings(db, (url, init) => fetch(url, init));
  const impact = impactLedger(db, (url, init) => fetch(url, init));
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async (isForced: boolean): Promise<SyncOutcome[]> => {
    const outcomes = await engine.syncAll(isForced);
    // Who opted out of who-knows-what: the question board and routing leave them out (lib/sync/expertise).
    for (const f of await expertise.refreshOptOuts()) log.warn('expertise opt-outs not refreshed', f);
    // Impact answers queued while offline (or whose tab closed first) go with every sync pass.
    await impact.flush(Date.now()).then(
      (sent) => sent.waiting && log.info('impact answers still waiting', sent),
      (e: unknown) => log.warn('impact answers not sent', e),
    );
    const due = await engine.nextDue();
    if (due !== undefined) await browser.alarms.create(RETRY, { when: Math.max(due, Date.now() + 30_000) });
    return outcomes;
  };
  const runLogged = (isForced: boolean) => {
    run(isForced).catch((e: unknown) => log.warn('sync failed', e));
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => runLogged(false), DEBOUNCE_MS);
  };

  void browser.alarms.create(PERIODIC, { periodInMinutes: PERIOD_MINUTES });
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === PERIODIC || alarm.name === RETRY) runLogged(false);
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  const onOnline = () => runLogged(true);
  globalThis.addEventListener?.('online', onOnline);
  const subscription = liveQuery(() => pendingCount(db)).subscribe({
    next: (count) => {
      if (count > 0) soon();
    },
    error: (e: unknown) => log.warn('outbox watch failed', e),
  });
  const stopMessages = onBackgroundMessage('syncNow', async ({ sender }): Promise<SyncRunSummary[]> => {
    // "Sync now" skips backoff: our pages may ask, a content script (a page's reach) may not.
    if (!isExtensionPage(sender)) return [];
    const outcomes = await run(true);
    return outcomes.map((o) => ({
      communityId: o.communityId,
      status: o.status,
      ...(o.status === 'failed' ? { message: describeCallError(o.error) } : {}),
    }));
  });
  runLogged(false);

  return () => {
    clearTimeout(timer);
    browser.alarms.onAlarm.removeListener(onAlarm);
    globalThis.removeEventListener?.('online', onOnline);
    subscription.unsubscribe();
    stopMessages();
  };
}
