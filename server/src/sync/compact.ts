import type { Database, Queryable } from '../db/database';

/**
 * Housekeeping (issue 19): tombstones are kept as long as a returning client needs them, then deleted, and a
 * per-community fence (`communities.compacted_through`, migration 011) records how far. A pull whose cursor is
 * below the fence answers `cursor_too_old` (sync/pull.ts): the client pulls from scratch and drops what the
 * server no longer has, so a compacted delete never comes back. The push batches below the fence go too: a
 * cursor below it is checked by its history generation, not its batch (sync/batches.ts), so a cursor from a
 * history lost to a restored backup still gets the restore reset first (it re-sends what the restore lost; a
 * compacted reset would drop it). The batch holding the fence stays (its last version is at or above it).
 */
export interface Compaction {
  communityId: string;
  /** The fence after this run. */
  compactedThrough: number;
  tombstones: number;
  /** Push batches pruned (those ending below the fence). */
  batches: number;
  /** Another process held this community's compaction lock: it did the work. */
  isSkipped?: boolean;
}

/** Rows per delete: short transactions, so autovacuum keeps up and no lock is held for long. */
export const COMPACT_BATCH = 1000;

const LOCK = `pg_try_advisory_xact_lock(hashtext('commonplace:compact:' || $1::text))`;

/**
 * The fence the retention rule allows now: the newest tombstone deleted more than `retentionMs` ago that every
 * active member has pulled past. Active: not removed, and pulled within the retention period (members.acked_*,
 * recorded by sync/pull.ts). A member away longer than that resets when back, rather than hold every deleted
 * note for ever.
 */
export async function allowedFence(db: Queryable, communityId: string, now: number, retentionMs: number) {
  const { rows } = await db.query<{ fence: number }>(
    `WITH c AS (SELECT last_version, compacted_through FROM communities WHERE id = $1),
          acked AS (SELECT min(acked_version) AS v FROM members
                     WHERE community_id = $1 AND removed_at IS NULL AND acked_at >= $2::bigint),
          lim AS (SELECT least(c.last_version, COALESCE(acked.v, c.last_version)) AS v FROM c, acked)
     SELECT greatest((SELECT compacted_through FROM c), COALESCE(
              (SELECT max(n.version) FROM notes n, lim WHERE n.community_id = $1 AND n.body IS NULL
                  AND n.deleted_at < $2::bigint AND n.version <= lim.v), 0))::bigint AS fence`,
    [communityId, now - retentionMs],
  );
  return Number(rows[0]?.fence ?? 0);
}

/**
 * Moves the fence to `fence` (never back, never past the head), then deletes the tombstones at or below it, in
 * short batches. The fence is committed before any row goes: a pull either
 * sees the raised fence or every tombstone (pull.ts checks the fence in the statement that reads the page).
 * Safe with several processes: each step takes the community's advisory lock or leaves it to whoever holds it.
 */
export async function compactThrough(db: Database, communityId: string, fence: number): Promise<Compaction> {
  const raised = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ locked: boolean }>(`SELECT ${LOCK} AS locked`, [communityId]);
    if (!rows[0]!.locked) return undefined;
    const { rows: c } = await tx.query<{ compacted_through: number }>(
      `UPDATE communities SET compacted_through = greatest(compacted_through, least($2::bigint, last_version))
        WHERE id = $1 RETURNING compacted_through`,
      [communityId, fence],
    );
    return c[0] ? Number(c[0].compacted_through) : undefined;
  });
  if (raised === undefined) return { communityId, compactedThrough: 0, tombstones: 0, batches: 0, isSkipped: true };
  const tombstones = await inBatches(
    db,
    communityId,
    // Each compacted id is kept (migration 011): a create of it re-sent later is still refused as deleted.
    `WITH gone AS (DELETE FROM notes WHERE community_id = $1 AND id IN (
       SELECT id FROM notes WHERE community_id = $1 AND body IS NULL AND version <= $2 LIMIT ${COMPACT_BATCH})
       RETURNING community_id, id, author_id),
     kept AS (INSERT INTO compacted_notes (community_id, id, author_id) SELECT * FROM gone ON CONFLICT DO NOTHING)
     SELECT 1 FROM gone`,
    raised,
  );
  // Oldest first by the primary key (community_id, last_version): each batch is an index range, no scan.
  const batches = await inBatches(
    db,
    communityId,
    `WITH gone AS (DELETE FROM version_batches WHERE community_id = $1 AND last_version IN (
       SELECT last_version FROM version_batches WHERE community_id = $1 AND last_version < $2
        ORDER BY last_version LIMIT ${COMPACT_BATCH}) RETURNING 1)
     SELECT 1 FROM gone`,
    raised,
  );
  return { communityId, compactedThrough: raised, tombstones, batches };
}

async function inBatches(db: Database, communityId: string, sql: string, fence: number): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ locked: boolean }>(`SELECT ${LOCK} AS locked`, [communityId]);
      if (!rows[0]!.locked) return -1;
      return (await tx.query(sql, [communityId, fence])).rows.length;
    });
    if (n < 0) return total;
    total += n;
    if (n < COMPACT_BATCH) return total;
  }
}

/** One community: the fence the retention rule allows, then compaction through it. */
export async function compactCommunity(
  db: Database,
  communityId: string,
  now: number,
  retentionMs: number,
): Promise<Compaction> {
  return compactThrough(db, communityId, await allowedFence(db, communityId, now, retentionMs));
}

/** Every community, one after another (the scheduled run, server/src/index.ts). */
export async function compactAll(db: Database, now: number, retentionMs: number): Promise<Compaction[]> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM communities ORDER BY id');
  const out: Compaction[] = [];
  for (const { id } of rows) out.push(await compactCommunity(db, id, now, retentionMs));
  return out;
}

/**
 * Runs `compactAll` every `everyMs` until stopped; a failed run is logged and the next one tries again.
 * `stop` waits for a run in progress, so the database closes after it.
 */
export function startCompactor(
  db: Database,
  opts: { now: () => number; retentionMs: number; everyMs: number; log: (line: string) => void },
) {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= compactAll(db, opts.now(), opts.retentionMs)
      .then((done) => {
        const t = done.reduce((s, c) => s + c.tombstones, 0);
        const b = done.reduce((s, c) => s + c.batches, 0);
        if (t || b) opts.log(JSON.stringify({ compacted: { communities: done.length, tombstones: t, batches: b } }));
      })
      .catch((e: unknown) => opts.log(JSON.stringify({ compactionFailed: e instanceof Error ? e.message : String(e) })))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(run, opts.everyMs);
  timer.unref();
  return {
    runNow: () => (run(), running!),
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
