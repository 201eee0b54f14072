import { join } from 'node:path';
import type { ServerConfig } from '../config';
import type { Database } from './database';
import { lockDataDir } from './dir-lock';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { loadCursorKey } from './server-meta';

/**
 * DATABASE_URL → a real PostgreSQL; otherwise PGlite in DATA_DIR, locked against a second process.
 * Migrations run before anything else touches the database.
 */
export async function openDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<{
  db: Database & { cursorKey: Buffer };
  close: () => Promise<void>;
}> {
  let unlock = () => {};
  let db: Database;
  if (config.databaseUrl) {
    db = await openPostgres(config.databaseUrl);
  } else {
    unlock = lockDataDir(config.dataDir);
    try {
      db = await openPglite(join(config.dataDir, 'pgdata'));
    } catch (error) {
      unlock();
      throw error;
    }
  }
  await migrate(db);
  const cursorKey = await loadCursorKey(db);
  return {
    db: Object.assign(db, { cursorKey }),
    close: async () => {
      await db.close();
      unlock();
    },
  };
}
