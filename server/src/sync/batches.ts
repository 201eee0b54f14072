import { newEpoch } from '../crypto';
import type { Queryable } from '../db/database';

/**
 * Push batches and the history generations they are written under (migration 015, server/README.md "Sync").
 *
 * Every write that takes versions (a push, a moderation) records one batch: its last version and a token
 * `<generation>.<random>`. A pull cursor carries the token of its version's batch. At or above the compaction
 * fence the batch is kept and the whole token is compared; below it the batch may be pruned (sync/compact.ts),
 * and only the generation is compared, against `history_generations`. A generation is minted by each app
 * process at its first write to a community, and again when the batch it wrote last is gone or changed: after
 * a restore the endpoint restarts (or finds its own last batch missing), so the restored history is written
 * under generations the lost one never had, and a cursor from the lost history is told apart without its batch.
 */
export interface Head {
  epoch: string;
  lastVersion: number;
  /** The generation this write's batch is named under (new when `isMinted`). */
  generation: string;
  isMinted: boolean;
}

/** What this app process wrote last to each community: the proof that the history it writes to is its own. */
export class WrittenBatches {
  private readonly last = new Map<string, { version: number; token: string }>();

  get(communityId: string) {
    return this.last.get(communityId);
  }

  /** After the writing transaction committed (a rolled-back batch proves nothing). */
  remember(communityId: string, batch: { version: number; token: string } | undefined): void {
    if (batch) this.last.set(communityId, batch);
  }
}

/** The generation a token was minted under: '' for tokens from before migration 015 (and for none). */
export function generationOf(token: string): string {
  const dot = token.indexOf('.');
  return dot < 0 ? '' : token.slice(0, dot);
}

/**
 * Locks the community row (writers are serial per community, so versions commit in order) and reads its head,
 * deciding the generation: this process's current one if its last batch is still there as written, else a new one.
 */
export async function lockHead(tx: Queryable, communityId: string, written: WrittenBatches): Promise<Head> {
  const mine = written.get(communityId);
  const { rows } = await tx.query<{ epoch: string; last_version: number; generation: string; mine: string | null }>(
    `SELECT epoch, last_version, generation,
            (SELECT token FROM version_batches WHERE community_id = $1 AND last_version = $2) AS mine
       FROM communities WHERE id = $1 FOR UPDATE`,
    [communityId, mine?.version ?? -1],
  );
  const row = rows[0]!;
  // Another process may have minted since: its generation is this history's too, so it is used as is.
  const isMinted = !mine || row.mine !== mine.token;
  return {
    epoch: row.epoch,
    lastVersion: Number(row.last_version),
    generation: isMinted ? newEpoch() : row.generation,
    isMinted,
  };
}

/**
 * Moves the head to `version` and records the batch that took (head.lastVersion, version], in the writing
 * transaction. Returns the batch, for `WrittenBatches.remember` once committed.
 */
export async function recordBatch(
  tx: Queryable,
  communityId: string,
  head: Head,
  version: number,
): Promise<{ version: number; token: string }> {
  const token = `${head.generation}.${newEpoch()}`;
  if (head.isMinted) {
    await tx.query('INSERT INTO history_generations (community_id, from_version, generation) VALUES ($1, $2, $3)', [
      communityId,
      head.lastVersion + 1,
      head.generation,
    ]);
  }
  await tx.query('UPDATE communities SET last_version = $2, generation = $3 WHERE id = $1', [
    communityId,
    version,
    head.generation,
  ]);
  await tx.query('INSERT INTO version_batches (community_id, last_version, token) VALUES ($1, $2, $3)', [
    communityId,
    version,
    token,
  ]);
  return { version, token };
}

/** SQL for the generation version `v` was written under in community $1 ('' before any generation). */
export const generationAt = (v: string) => `COALESCE((SELECT g.generation FROM history_generations g
  WHERE g.community_id = $1 AND g.from_version <= ${v} ORDER BY g.from_version DESC LIMIT 1), '')`;
