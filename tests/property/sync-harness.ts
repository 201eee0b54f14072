import { randomUUID } from 'node:crypto';
import { createApp } from '../../server/src/app';
import type { Database } from '../../server/src/db/database';
import { createInvite } from '../../server/src/db/invites';
import { migrate } from '../../server/src/db/migrate';
import { openPglite } from '../../server/src/db/pglite';
import { loadCursorKey } from '../../server/src/db/server-meta';

/** Where the in-process server "lives": requests to this origin go to `app.request`. */
export const ENDPOINT = 'https://sync.test';
export const LOOSE = { burst: 1_000_000, perMinute: 1_000_000 };
/** Parents first (inserts run in this order; deletes in reverse). */
export const TABLES = [
  'communities',
  'members',
  'tokens',
  'invites',
  'notes',
  'thanks',
  'client_mutations',
  'rejected_mutations',
  'version_batches',
  'history_generations',
  'compacted_notes',
];

/** Empties every table, children first, so foreign keys hold at each step. */
export async function clearTables(db: Database): Promise<void> {
  for (const t of [...TABLES].reverse()) await db.query(`DELETE FROM ${t}`);
}

/** Copies every table aside, like last night's dump. */
export async function backupTables(db: Database): Promise<void> {
  for (const t of TABLES) {
    await db.query(`CREATE TABLE IF NOT EXISTS backup_${t} (LIKE ${t})`);
    await db.query(`DELETE FROM backup_${t}`);
    await db.query(`INSERT INTO backup_${t} SELECT * FROM ${t}`);
  }
}

/** Puts the copy from `backupTables` back in place of what the tables hold now. */
export async function restoreTables(db: Database): Promise<void> {
  await clearTables(db);
  for (const t of TABLES) await db.query(`INSERT INTO ${t} SELECT * FROM backup_${t}`);
}

/**
 * The real endpoint, in-process on one shared in-memory PGlite (initdb costs seconds: pay it once per file).
 * `reset` empties it between runs; `restart` builds a fresh app (new rate limiters and caches) on the same
 * data; `backup`/`restore` copy the tables aside and back, like restoring last night's dump.
 */
export async function startTestServer() {
  const db: Database = await openPglite();
  await migrate(db);
  const cursorKey = await loadCursorKey(db);
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const now = () => (clock += 7);
  const build = () =>
    createApp({
      db,
      cursorKey,
      now,
      publicUrl: ENDPOINT,
      limits: { perMember: LOOSE, writesPerMember: LOOSE, perIp: LOOSE, joinPerIp: LOOSE },
    });
  let app = build();
  // DELETE, not TRUNCATE or DROP/CREATE: on these few rows it is far cheaper, above all in PGlite, where
  // every new relation file costs. Children first, so foreign keys hold at each step.
  const clear = () => clearTables(db);
  return {
    db,
    request: (url: string, init: RequestInit) => app.request(url, init),
    restart() {
      app = build();
    },
    async reset() {
      await clear();
      app = build();
    },
    /** `id`: a chosen community id (a server that claims another server's community). */
    async createCommunity(name: string, id: string = randomUUID()): Promise<{ id: string; code: string }> {
      await db.query('INSERT INTO communities (id, name, epoch, created_at) VALUES ($1, $2, $3, $4)', [
        id,
        name,
        `e-${id.slice(0, 8)}`,
        now(),
      ]);
      const { code } = await createInvite(db, {
        communityId: id,
        role: 'member',
        maxUses: 100,
        expiresAt: now() + 864e5,
        createdBy: null,
        at: now(),
      });
      return { id, code };
    },
    backup: () => backupTables(db),
    async restore() {
      await restoreTables(db);
      app = build();
    },
    close: () => db.close(),
  };
}
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
