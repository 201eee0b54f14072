/**
 * The stores of CommonplaceDb at Dexie v4, as a store created before the note summaries had them: for the
 * upgrade's schema tests and bench:summary-upgrade, which both build such a store and open it with today's.
 */
export const V4_STORES = {
  notes: 'id, createdAt, updatedAt, kind, *tags, pageKey, communityId, deletedAt, [communityId+updatedAt]',
  outbox: '++seq, communityId',
  thanks: 'id, noteId, memberId, communityId, createdAt',
  collections: 'id, updatedAt',
  kv: 'key',
  blobs: 'key',
  events: '++id, type, noteId, at',
  questionEvents: 'id, questionId, communityId, at',
};
