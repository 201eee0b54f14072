import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { CommonplaceDb } from '../db/schema';
import { impactLedgerRepository } from '../db/impact-ledger';
import { ENDPOINT } from '../../tests/property/sync-harness';
import { useTestEndpoint } from '../../tests/property/sync-endpoint';
import { impactLedger } from './impact';
import { memberships } from './membership';
import type { Fetcher } from './transport';

const env = useTestEndpoint();

/** A browser that joined the community, talking to the real endpoint (in-process, PGlite) through `net`. */
async function browserOf(code: string, name: string) {
  const db = new CommonplaceDb(`impact-${name}-${Math.random()}`);
  const online: Fetcher = async (url, init) => env.server.request(url, init);
  const joined = await memberships(db, online).join({ endpoint: ENDPOINT, invite: code, displayName: name });
  if (!joined.ok) throw new Error(joined.error);
  return { db, online, repo: impactLedgerRepository(db), membership: joined.value };
}

const answerFor = (noteId: string, minutesSaved: 0 | 5 | 30 | 120 | null = 30) => ({
  id: uuidv7(),
  noteId,
  source: 'search' as const,
  // The test endpoint's clock starts at 2026-01-01: answered just before it.
  openedAt: '2025-12-31T22:00:00.000Z',
  answeredAt: '2025-12-31T23:00:00.000Z',
  minutesSaved,
  outcome: null,
  outcomeNoteId: null,
});

describe('impact answers: queued here, delivered to the endpoint', () => {
  it('keeps an answer through offline flushes and a lost response, and delivers it exactly once', async () => {
    const community = await env.server.createCommunity('Makers');
    const ann = await browserOf(community.code, 'Ann');
    const entry = answerFor(uuidv7());
    await ann.repo.answer('opening-1', '2026-12-05', community.id, entry);
    expect((await ann.repo.promptState()).handled).toEqual(['opening-1']);

    const offline = impactLedger(ann.db, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await offline.flush(Date.now())).toEqual({ delivered: 0, setAside: 0, waiting: 1 });
    expect(await ann.repo.queued()).toMatchObject([
      { entry, attempts: 1, lastError: expect.stringMatching(/Offline/) },
    ]);

    // The endpoint stores it, but its answer never arrives: still queued, and the resend is harmless.
    const lost = impactLedger(ann.db, async (url, init) => {
      await env.server.request(url, init);
      throw new TypeError('connection reset');
    });
    expect((await lost.flush(Date.now())).waiting).toBe(1);
    const online = impactLedger(ann.db, ann.online);
    expect(await online.flush(Date.now())).toEqual({ delivered: 1, setAside: 0, waiting: 0 });
    expect(await ann.repo.queued()).toEqual([]);
    const mine = await env.server.request(`${ENDPOINT}/v1/community/impact/entries/mine`, {
      headers: { authorization: `Bearer ${ann.membership.token}` },
    });
    expect(((await mine.json()) as { entries: { id: string }[] }).entries.map((e) => e.id)).toEqual([entry.id]);
  });

  it('sets a refused answer aside with the reason, never drops it', async () => {
    const community = await env.server.createCommunity('Makers');
    const ann = await browserOf(community.code, 'Ann');
    const noteId = uuidv7();
    const first = answerFor(noteId);
    const clash = { ...answerFor(noteId, 120), openedAt: first.openedAt }; // a second answer about one opening
    await ann.repo.answer('o1', '2026-12-05', community.id, first);
    await ann.repo.answer('o2', '2026-12-06', community.id, clash);
    expect(await impactLedger(ann.db, ann.online).flush(Date.now())).toEqual({ delivered: 1, setAside: 1, waiting: 0 });
    expect(await ann.repo.queued()).toEqual([]);
    expect(await ann.repo.setAside()).toMatchObject([
      { communityId: community.id, entry: clash, reason: expect.stringMatching(/already answered/) },
    ]);
  });

  it('stores the member’s consent to be named on the endpoint', async () => {
    const community = await env.server.createCommunity('Makers');
    const ann = await browserOf(community.code, 'Ann');
    const ledger = impactLedger(ann.db, ann.online);
    expect(await ledger.consent(community.id, Date.now())).toEqual({
      ok: true,
      value: { isNamed: false, changedAt: null },
    });
    const set = await ledger.setConsent(community.id, true, Date.now());
    expect(set.ok && set.value.isNamed).toBe(true);
    expect((await ledger.consent(community.id, Date.now())).ok && set.ok).toBe(true);
  });
});
