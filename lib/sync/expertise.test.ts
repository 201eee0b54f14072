import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CommonplaceDb } from '../db/schema';
import { expertiseOptOutsRepository } from '../db/expertise-opt-outs';
import { ENDPOINT } from '../../tests/property/sync-harness';
import { useTestEndpoint } from '../../tests/property/sync-endpoint';
import { expertiseSettings } from './expertise';
import { memberships } from './membership';

const env = useTestEndpoint();

/** A browser that joined the community, talking to the real endpoint (in-process, PGlite). */
async function browserOf(code: string, name: string) {
  const db = new CommonplaceDb(`expertise-${name}-${Math.random()}`);
  const fetcher = async (url: string, init: RequestInit) => env.server.request(url, init);
  const joined = await memberships(db, fetcher).join({ endpoint: ENDPOINT, invite: code, displayName: name });
  if (!joined.ok) throw new Error(joined.error);
  return { db, membership: joined.value, settings: expertiseSettings(db, fetcher) };
}

describe('expertise settings through the real endpoint', () => {
  it('an opt-out is stored by the endpoint and reaches the other browser at its next refresh; back in, it goes', async () => {
    const community = await env.server.createCommunity('Makers');
    const ann = await browserOf(community.code, 'Ann');
    const bea = await browserOf(community.code, 'Bea');
    const cid = community.id;
    expect(await bea.settings.load(cid)).toEqual({ ok: true, value: false });

    expect(await bea.settings.set(cid, true)).toEqual({ ok: true, value: true });
    expect(await bea.settings.load(cid)).toEqual({ ok: true, value: true });
    expect([...(await expertiseOptOutsRepository(bea.db).ofCommunity(cid))]).toEqual([bea.membership.memberId]);
    expect(await expertiseOptOutsRepository(ann.db).all()).toEqual(new Set());
    expect(await ann.settings.refreshOptOuts()).toEqual([]);
    expect(await expertiseOptOutsRepository(ann.db).all()).toEqual(new Set([bea.membership.memberId]));

    await bea.settings.set(cid, false);
    await ann.settings.refreshOptOuts();
    expect(await expertiseOptOutsRepository(ann.db).all()).toEqual(new Set());
  });

  it('a refused call says so and changes nothing here', async () => {
    const community = await env.server.createCommunity('Makers');
    const bea = await browserOf(community.code, 'Bea');
    const down = expertiseSettings(bea.db, async () => new Response('no', { status: 503 }));
    const r = await down.set(community.id, true);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^Your setting was not changed: /);
    expect(await expertiseOptOutsRepository(bea.db).all()).toEqual(new Set());
    expect(await bea.settings.load(community.id)).toEqual({ ok: true, value: false });
    expect(await down.set('not-a-community', true)).toEqual({
      ok: false,
      error: 'This browser is not a member of that community.',
    });
  });
});
