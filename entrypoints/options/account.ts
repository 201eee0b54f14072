import { db } from '@/lib/db';
import { memberships } from '@/lib/sync/membership';
import { sendToBackground } from '@/lib/messaging/messenger';
import { logger } from '@/lib/log';

/** The options page's door to membership changes: the page's own fetch (the endpoint allows any origin). */
export const account = memberships(db, (url, init) => fetch(url, init));

/** Asks the background to sync now; a closed worker is woken by the message. Failures show in the status. */
export async function syncNow(): Promise<void> {
  await sendToBackground('syncNow').catch(logger('options').failed('sync now'));
}
