import { defineExtensionMessaging } from '@webext-core/messaging';

/** A community's pass as the pages see it. */
export interface SyncRunSummary {
  communityId: string;
  status: 'synced' | 'skipped' | 'failed';
  message?: string;
}

/**
 * Sync's cross-context messages (P = extension pages, B = background). Kept beside the engine until the lead
 * folds it into lib/messaging/protocol.ts; the two messengers coexist (each ignores the other's types).
 */
export interface SyncProtocolMap {
  /** P→B: sync every joined community now, ignoring backoff ("Sync now", or right after joining). */
  syncNow(): SyncRunSummary[];
}

export const { sendMessage: sendSyncMessage, onMessage: onSyncMessage } = defineExtensionMessaging<SyncProtocolMap>();
