import 'fake-indexeddb/auto';
import { CommonplaceDb } from '../../lib/db/schema';
import { notesRepository } from '../../lib/db/notes';
import { syncState } from '../../lib/db/sync-state';
import { createSyncEngine } from '../../lib/sync/engine';
import { memberships } from '../../lib/sync/membership';
import type { Fetcher } from '../../lib/sync/transport';
import { ENDPOINT, type TestServer } from './sync-harness';

/** A fault the network or the server does to the next request. */
export type Fault = 'lostBefore' | 'lostAfter' | 'duplicate' | 'replayOld' | '429' | '503' | 'kill';

/** What the test saw cross the wire, for its checks. */
export interface WireLog {
  /** Bumped by each server restore: mutation numbers start again from what the backup knew. */
  generation: number;
  push: { generation: number; body: { mutations: Record<string, unknown>[] }; results: Record<string, unknown>[] }[];
  pulls: { communityOfToken: string; notes: { id: string; communityId?: string | null }[] }[];
}

let seq = 0;

/**
 * One browser profile: its own IndexedDB (fake-indexeddb), a notes repository, and the real engine talking to
 * the in-process server through a transport the test can break.
 */
export function makeClient(server: TestServer, log: WireLog, start = Date.parse('2026-01-01T00:00:00Z')) {
  const db = new CommonplaceDb(`client-${++seq}-${Math.random()}`);
  let offset = 0;
  let tick = start;
  const now = () => (tick += 3) + offset;
  const faults: Fault[] = [];
  let isOffline = false;
  let killed = false;
  const sent: { url: string; init: RequestInit }[] = [];
  let communityOfToken = '';

  const raw = async (url: string, init: RequestInit): Promise<Response> => {
    const res = await server.request(url, init);
    const text = await res.clone().text();
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      if (url.includes('/v1/sync/push') && res.ok) {
        log.push.push({
          generation: log.generation,
          body: JSON.parse(String(init.body)),
          results: body.results as Record<string, unknown>[],
        });
      }
      if (url.includes('/v1/sync/pull') && res.ok) {
        const changes = body.changes as {
          type: string;
          note?: { id: string; communityId?: string | null };
          noteId?: string;
        }[];
        log.pulls.push({ communityOfToken, notes: changes.map((c) => c.note ?? { id: c.noteId! }) });
      }
    } catch {
      /* not JSON: nothing to log */
    }
    return res;
  };

  const fetcher: Fetcher = async (url, init) => {
    if (killed) throw new Error('worker killed');
    if (isOffline) throw new TypeError('Failed to fetch');
    const fault = faults.shift();
    if (init.method === 'POST' || init.method === 'GET') sent.push({ url, init });
    switch (fault) {
      case 'lostBefore':
        throw new TypeError('Failed to fetch');
      case 'lostAfter':
        await raw(url, init);
        throw new TypeError('Failed to fetch');
      case 'duplicate':
        await raw(url, init);
        return raw(url, init);
      case 'replayOld': {
        const old = sent[Math.floor(Math.random() * sent.length)];
        if (old) await raw(old.url, old.init).catch(() => undefined);
        return raw(url, init);
      }
      case '429':
      case '503':
        return new Response(
          JSON.stringify({ error: { code: fault === '429' ? 'rate_limited' : 'unavailable', message: 'injected' } }),
          {
            status: Number(fault),
            headers: { 'content-type': 'application/json', 'retry-after': '2' },
          },
        );
      case 'kill':
        killed = true;
        await raw(url, init);
        throw new Error('worker killed');
      default:
        return raw(url, init);
    }
  };

  const build = () => createSyncEngine({ db, fetch: fetcher, now });
  const client = {
    db,
    notes: notesRepository(db, now),
    engine: build(),
    members: memberships(db, fetcher, now),
    state: syncState(db),
    faults,
    now,
    setOffline(value: boolean) {
      isOffline = value;
    },
    jumpClock(ms: number) {
      offset += ms;
    },
    /** A service worker restart: the engine's memory is gone; only IndexedDB remains. */
    restartWorker() {
      killed = false;
      client.engine = build();
    },
    async join(code: string, displayName: string) {
      const joined = await client.members.join({ endpoint: ENDPOINT, invite: code, displayName });
      if (!joined.ok) throw new Error(joined.error);
      communityOfToken = joined.value.communityId;
      return joined.value;
    },
    /** Another device of an existing member: a token minted by that member, set up as a join would. */
    async joinAsDeviceOf(other: { state: ReturnType<typeof syncState> }, communityId: string) {
      const m = (await other.state.membership(communityId))!;
      const res = await server.request(`${ENDPOINT}/v1/tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${m.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      const { token } = (await res.json()) as { token: string };
      await client.state.putMembership({
        ...m,
        token,
        cursor: null,
        lastSyncAt: null,
        lastError: null,
        attempt: 0,
        notBefore: 0,
      });
      await client.state.saveSettings({ endpoint: ENDPOINT, displayName: (await other.state.settings()).displayName });
      communityOfToken = communityId;
    },
    get isKilled() {
      return killed;
    },
    get communityId() {
      return communityOfToken;
    },
    close: () => db.delete(),
  };
  return client;
}
export type TestClient = ReturnType<typeof makeClient>;

/** What the capture panel sends for a note in a community: the one draft the sync tests create notes from. */
export const draftIn = (communityId: string, takeaway: string) => ({
  kind: 'insight',
  quote: 'Quoted words',
  takeaway,
  tags: ['sync'],
  selectors: [],
  page: { url: 'https://example.org/a', canonicalUrl: 'https://example.org/a', title: 'A page' },
  communityId,
});

/** Ada and Bea, each with a client of their own that talks to `via`, joined to a new community "Makers". */
export async function joinedPair(server: TestServer, via: TestServer, log: WireLog, clients: TestClient[]) {
  const { id, code } = await server.createCommunity('Makers');
  const a = makeClient(via, log);
  const b = makeClient(via, log);
  clients.push(a, b);
  await a.join(code, 'Ada');
  await b.join(code, 'Bea');
  return { id, a, b };
}
