import { randomUUID } from 'node:crypto';
import { createInvite } from '../../server/src/db/invites';
import { openPostgres } from '../../server/src/db/postgres';
import { scratchDatabase, startEndpoints } from '../../server/testing/processes';
import { backupTables, clearTables, ENDPOINT, LOOSE, restoreTables, type TestServer } from './sync-harness';

/**
 * The property test's server as a company runs it (issue 19): `count` real endpoint processes on one
 * PostgreSQL, every request to a random live process (a load balancer without affinity), and a server restart
 * is one process killed without warning and started again. A restore from backup rewrites the tables under
 * the running processes (then restarts one): whatever they keep in memory must notice. Same data operations
 * as the in-process harness (sync-harness.ts), on the shared database.
 */
export async function startScaleOutServer(clusterUrl: string, count: number): Promise<TestServer> {
  const scratch = await scratchDatabase(clusterUrl);
  const eps = await startEndpoints(scratch.url, count, {
    perMember: LOOSE,
    writesPerMember: LOOSE,
    perIp: LOOSE,
    joinPerIp: LOOSE,
  });
  const db = await openPostgres(scratch.url, { max: 4 });
  // The processes run on the real clock: invites must not have expired by it.
  const now = () => Date.now();
  const clear = () => clearTables(db);
  let restarts = 0;
  let restarting: Promise<void> = Promise.resolve();
  /**
   * Kills the next process (round-robin, so each gets its turn) and starts it again. While it starts, the
   * others serve (at most one is down); with one process there is no other, so the run waits for it.
   */
  const restartOne = async () => {
    const i = restarts++ % count;
    restarting = restarting.then(() => eps.restart(i));
    if (count === 1) await restarting;
  };
  return {
    db,
    request: (url: string, init: RequestInit) => eps.fetch('random', url.slice(ENDPOINT.length), init),
    restart: restartOne,
    async reset() {
      await restarting;
      await clear();
    },
    async createCommunity(name: string, id: string = randomUUID()) {
      await db.query('INSERT INTO communities (id, name, epoch, created_at) VALUES ($1, $2, $3, $4)', [
        id,
        name,
        `e-${id.slice(0, 8)}`,
        now(),
      ]);
      const invite = { communityId: id, role: 'member' as const, maxUses: 100, createdBy: null };
      const { code } = await createInvite(db, { ...invite, expiresAt: now() + 864e5, at: now() });
      return { id, code };
    },
    backup: () => backupTables(db),
    async restore() {
      await restoreTables(db);
      await restartOne();
    },
    async close() {
      await restarting;
      await eps.stopAll();
      await db.close();
      await scratch.drop();
    },
  };
}
