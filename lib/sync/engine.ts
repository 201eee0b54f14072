import { uuidv7 } from 'uuidv7';
import { pendingCount } from '../db/outbox';
import { syncState, type Membership } from '../db/sync-state';
import { backoffDelay } from './backoff';
import type { EngineDeps, PassContext } from './context';
import { pullAll } from './pull';
import { pushOnce, strike, type PushError } from './push';
import { describeCallError, type CallError } from './transport';

/** How one community's pass ended. */
export type SyncOutcome =
  | { communityId: string; status: 'synced'; pushed: number; pulled: number }
  | { communityId: string; status: 'skipped'; reason: 'disabled' | 'backing-off' | 'not-joined' }
  | { communityId: string; status: 'failed'; error: CallError; retryInMs: number };

const MAX_ROUNDS = 50;

/**
 * The client sync engine: push the outbox, pull since the cursor, repeat until quiet. Holds no state of its
 * own beyond "a pass is running": everything else is in IndexedDB, so a killed service worker's successor
 * carries on. One pass per community at a time; a request during a pass runs one more pass after it.
 */
export function createSyncEngine(deps: EngineDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const newId = deps.newId ?? uuidv7;
  const state = syncState(deps.db);
  const running = new Map<string, Promise<SyncOutcome>>();
  const again = new Set<string>();

  async function pass(member: Membership, isForced: boolean): Promise<SyncOutcome> {
    const communityId = member.communityId;
    if (!member.isEnabled) return { communityId, status: 'skipped', reason: 'disabled' };
    if (!isForced && member.notBefore > now()) return { communityId, status: 'skipped', reason: 'backing-off' };
    const ctx: PassContext = {
      db: deps.db,
      fetch: deps.fetch,
      now,
      random,
      newId,
      member,
      clientId: (await state.settings()).clientId,
    };
    let pushed = 0;
    let pulled = 0;
    let failure: CallError | undefined;
    for (let round = 0; round < MAX_ROUNDS && !failure; round++) {
      let pushFailure: PushError | undefined;
      for (let i = 0; i < 10_000; i++) {
        const r = await pushOnce(ctx);
        if (!r.ok) pushFailure = r.error;
        if (!r.ok || r.value.isDone) break;
        pushed += r.value.sent;
      }
      // Pull even when the push failed: other members' notes still arrive, and a pull that works while the
      // push keeps breaking on one change tells that change apart from an endpoint that is down.
      const p = await pullAll(ctx);
      if (p.ok) pulled += p.value;
      if (pushFailure) {
        const isSetAside =
          p.ok && pushFailure.suspect !== undefined && (await strike(ctx, pushFailure.suspect, pushFailure));
        if (isSetAside) continue; // the rest of the queue goes on in the next round
        failure = pushFailure;
        break;
      }
      if (!p.ok) failure = p.error;
      // A pull can queue work (re-sends after a server restore); go round until the queue is empty.
      if (!failure && (await pendingCount(deps.db, communityId)) === 0) break;
    }
    if (failure) {
      const attempt = member.attempt + 1;
      const retryInMs = backoffDelay(attempt, random, failure.retryAfterMs);
      await state.patchMembership(communityId, {
        attempt,
        notBefore: now() + retryInMs,
        lastError: describeCallError(failure),
      });
      return { communityId, status: 'failed', error: failure, retryInMs };
    }
    await state.patchMembership(communityId, { attempt: 0, notBefore: 0, lastError: null, lastSyncAt: now() });
    return { communityId, status: 'synced', pushed, pulled };
  }

  async function syncCommunity(communityId: string, isForced = false): Promise<SyncOutcome> {
    const inFlight = running.get(communityId);
    if (inFlight) {
      again.add(communityId);
      return inFlight;
    }
    const run = (async (): Promise<SyncOutcome> => {
      let outcome: SyncOutcome;
      do {
        again.delete(communityId);
        const member = await state.membership(communityId);
        if (!member) return { communityId, status: 'skipped', reason: 'not-joined' };
        outcome = await pass(member, isForced);
      } while (again.has(communityId) && outcome.status === 'synced');
      return outcome;
    })();
    running.set(communityId, run);
    try {
      return await run;
    } finally {
      running.delete(communityId);
    }
  }

  return {
    syncCommunity,
    /** Every joined community; `isForced` (the "Sync now" button) ignores backoff. */
    async syncAll(isForced = false): Promise<SyncOutcome[]> {
      const members = await state.memberships();
      return Promise.all(members.map((m) => syncCommunity(m.communityId, isForced)));
    },
    /** The earliest time a community is due again (for scheduling the next alarm), or undefined if none waits. */
    async nextDue(): Promise<number | undefined> {
      const due = (await state.memberships()).filter((m) => m.isEnabled && m.notBefore > 0).map((m) => m.notBefore);
      return due.length ? Math.min(...due) : undefined;
    },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
