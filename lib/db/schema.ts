import Dexie, { type EntityTable } from 'dexie';
import type { Note } from '../model';
import { counter, noteSummariesMiddleware, SUMMARY_BUCKETS, SUMMARY_LOG, type SummaryLogRow } from './note-summaries';
import { DIGEST_KEYS } from './digest-keys';
import { BUCKET_FORMAT, type SummaryBucketRow } from './summary-bucket';
import { HAS_TEST_HOOKS } from '../build/test-hooks';
import { transactionTraceMiddleware } from './transaction-trace';
import { pageKey } from '../model/page-key';
import type { QuestionEvent } from '../questions/events';
import { serverKey } from '../sync/endpoint';

/** A pending change for the community endpoint, written in the same transaction as the change itself. */
export interface OutboxRow {
  /** Per-client increasing mutation number (auto-incremented). */
  seq?: number;
  communityId: string;
  mutation: unknown;
  createdAt: number;
}

/** One thank: a set element, keyed by note and member (never a counter). */
export interface ThankRow {
  id: string; // `${noteId}:${memberId}`
  noteId: string;
  memberId: string;
  memberName?: string;
  communityId: string;
  createdAt: number;
}

export interface CollectionRow {
  id: string;
  name: string;
  description?: string;
  noteIds: string[];
  createdAt: number;
  updatedAt: number;
}

/** Small key-value state (sync cursors, index metadata, counters). */
export interface KvRow {
  key: string;
  value: unknown;
}

/** Opaque blobs owned by one feature (the search index's segments, for example). */
export interface BlobRow {
  key: string;
  data: unknown;
}

/** An event worth counting (note opened, duplicate avoided) — the digest measures impact from these. */
/**
 * A question event (lib/questions/events.ts) as stored here: ours (queued for sync) and others' (pulled, with
 * the role the server saw). `communityId` is the question's, null for a personal question.
 */
export type QuestionEventRow = QuestionEvent & {
  byRole?: 'member' | 'facilitator' | 'admin';
  communityId: string | null;
};

export interface EventRow {
  id?: number;
  type: string;
  noteId?: string;
  at: number;
  data?: unknown;
}

/**
 * The extension's database, in the extension's own origin. Only the background and extension pages open it
 * (a content script would open the page's database instead). Every schema change is a new version with a
 * migration and a test in schema.test.ts.
 */
export class CommonplaceDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  thanks!: EntityTable<ThankRow, 'id'>;
  collections!: EntityTable<CollectionRow, 'id'>;
  kv!: EntityTable<KvRow, 'key'>;
  blobs!: EntityTable<BlobRow, 'key'>;
  events!: EntityTable<EventRow, 'id'>;
  questionEvents!: EntityTable<QuestionEventRow, 'id'>;
  /** The notes' summaries for the digest, in bucket rows (note-summaries.ts keeps them in step with every note write). */
  summaryBuckets!: EntityTable<SummaryBucketRow, 'b'>;
  /** Summaries written since the buckets were last compacted, a row per note (summary-fill.ts compacts them). */
  summaryLog!: EntityTable<SummaryLogRow, 'id'>;

  constructor(name = 'commonplace') {
    super(name);
    // v1: notes only, keyed by their page's URL as given.
    this.version(1).stores({
      notes: 'id, createdAt, updatedAt, kind, *tags, page.url',
    });
    // v2: notes found by normalised page key (same page, any URL), tombstones, community; the tables later
    // features need. Upgrade fills pageKey for notes saved by v1.
    this.version(2)
      .stores({
        notes: 'id, createdAt, updatedAt, kind, *tags, pageKey, communityId, deletedAt, [communityId+updatedAt]',
        outbox: '++seq, communityId',
        thanks: 'id, noteId, memberId, communityId, createdAt',
        collections: 'id, updatedAt',
        kv: 'key',
        blobs: 'key',
        events: '++id, type, noteId, at',
      })
      .upgrade(async (tx) => {
        await tx
          .table('notes')
          .toCollection()
          .modify((note: Note) => {
            if (!note.pageKey) note.pageKey = pageKey(note.page.canonicalUrl || note.page.url);
          });
      });
    // v3: memberships keyed by (server, community), not community alone, so a second server claiming a
    // community's id cannot replace the real one's token. Same tables; the upgrade re-keys `sync:member:` rows.
    this.version(3)
      .stores({})
      .upgrade(async (tx) => {
        const kv = tx.table<KvRow, string>('kv');
        const rows = await kv.where('key').startsWith('sync:member:').toArray();
        for (const row of rows) {
          const m = row.value as { communityId?: unknown; endpoint?: unknown } | undefined;
          if (typeof m?.communityId !== 'string' || typeof m.endpoint !== 'string') continue;
          let key: string;
          try {
            key = `sync:member:${serverKey(m.endpoint)} ${m.communityId}`;
          } catch {
            continue; // not a URL: left as it was, still found by its community
          }
          if (key === row.key) continue;
          await kv.delete(row.key);
          await kv.put({ key, value: row.value });
        }
      });
    // v4: question events (issue 16): links, relays, confirmations and me-toos, by question.
    this.version(4).stores({ questionEvents: 'id, questionId, communityId, at' });
    // v5: note summaries (issue 19), a row per note. Its upgrade filled them (12 s at 50k, in the open every
    // page waited for); v6 replaces them, so a v4 store now passes through v5 without filling anything.
    this.version(5).stores({ noteSummaries: 'id, seq' });
    // v6: the summaries packed into bucket rows (summary-bucket.ts): a cold digest reads 16 rows (128 before
    // the layout marker, DIGEST_KEYS.layout), not one per note, plus the log of rows written since the last
    // compaction, indexed by bucket so a compaction takes a few buckets at a time. The upgrade only marks the fill
    // due; the background fills the buckets in short chunks (summary-fill.ts) while a digest without an index
    // reads the notes themselves until it is done.
    this.version(6)
      .stores({ noteSummaries: null, [SUMMARY_BUCKETS]: 'b, seq', [SUMMARY_LOG]: 'id, seq, b' })
      .upgrade(async (tx) => {
        const kv = tx.table<KvRow, string>('kv');
        // The bucket table is new and empty: in this code's layout (summary-bucket.ts) by definition.
        await kv.put({ key: DIGEST_KEYS.layout, value: BUCKET_FORMAT });
        if ((await tx.table('notes').count()) === 0) return;
        const removals = counter(await kv.get(DIGEST_KEYS.removals));
        await kv.bulkPut([
          { key: DIGEST_KEYS.fill, value: { after: '' } },
          { key: DIGEST_KEYS.removals, value: removals + 1 },
        ]);
      });
    // v7: notes found by the question they answer (`links.answers`), so the popup's "Relay answer" reads a
    // question's answers, not every answer (issue 19). Only notes that answer something have an entry; IndexedDB
    // builds it in the upgrade (no migration code).
    this.version(7).stores({
      notes:
        'id, createdAt, updatedAt, kind, *tags, pageKey, communityId, deletedAt, [communityId+updatedAt], links.answers',
    });
    // v8: notes found by kind in the order they were made (`[kind+createdAt]`), so the digest's newest stories are
    // the stories made last. By the `kind` index they came in id order, which is not the order they were made in:
    // an import from another tool (Readwise, Kindle, Hypothesis) mints new ids for old notes, so old imported
    // stories took the places of last week's. IndexedDB builds it in the upgrade (no migration code).
    this.version(8).stores({
      notes:
        'id, createdAt, updatedAt, kind, *tags, pageKey, communityId, deletedAt, [communityId+updatedAt], links.answers, [kind+createdAt]',
    });
    // A new store's empty bucket table is in this code's layout too (no upgrade runs on a store created new).
    this.on('populate', (tx) => tx.table<KvRow, string>('kv').put({ key: DIGEST_KEYS.layout, value: BUCKET_FORMAT }));
    this.use(noteSummariesMiddleware);
    // Test builds trace every transaction (bench:harvest `trace=1` names what a harvest's write queues behind).
    if (HAS_TEST_HOOKS) this.use(transactionTraceMiddleware);
  }
}
