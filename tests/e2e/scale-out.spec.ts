import { formatInviteLink } from '../../lib/sync/protocol';
import { createCommunity } from '../../server/src/bootstrap';
import { createInvite } from '../../server/src/db/invites';
import { openPostgres } from '../../server/src/db/postgres';
import { scratchDatabase, startEndpoints } from '../../server/testing/processes';
import { joinByApi } from './endpoint-process';
import { expect, isTestBuild, launchWithExtension, test } from './fixtures';
import { startRoundRobinProxy } from './round-robin-proxy';
import {
  findCard,
  harvestOnPage,
  openPopup,
  openProfile,
  replica,
  serverView,
  syncUntilClean,
  type Profile,
} from './pages/sync-members';
import { startStaticServer } from './static-server';

/**
 * Issue 19's scale-out, end to end: four real endpoint processes on one PostgreSQL behind a round-robin load
 * balancer, two members in real Chromium profiles with the built extension. They harvest, thank and sync while
 * processes crash and come back; every note lands exactly once, and both replicas equal the server's view.
 * PostgreSQL only (PGlite is one process by design): `npm test` starts a throwaway cluster where Debian's
 * postgresql is installed and passes its TEST_DATABASE_URL.
 */
const CLUSTER = process.env.TEST_DATABASE_URL ?? '';
const COMMUNITY = 'Platform guild';
const ROOMY = { burst: 1_000_000, perMinute: 1_000_000 };

test.setTimeout(240_000);

test('four endpoint processes on one PostgreSQL behind a load balancer: members converge while processes crash', async () => {
  test.skip(!CLUSTER, 'needs PostgreSQL: set TEST_DATABASE_URL (npm test does, where postgresql is installed)');
  if (!isTestBuild()) throw new Error('build the test build first: WXT_TEST_HOOKS=1 npx wxt build');
  const scratch = await scratchDatabase(CLUSTER);
  const browsers = [launchWithExtension(), launchWithExtension()];
  const profiles: Profile[] = [];
  const eps = await startEndpoints(scratch.url, 4, {
    perMember: ROOMY,
    perIp: ROOMY,
    joinPerIp: ROOMY,
    writesPerMember: ROOMY,
  });
  const proxy = await startRoundRobinProxy(eps.ports);
  const db = await openPostgres(scratch.url, { max: 2 });
  const site = await startStaticServer();
  try {
    const communityId = await createCommunity(db, COMMUNITY, Date.now());
    const { code } = await createInvite(db, {
      communityId,
      role: 'member',
      maxUses: 10,
      expiresAt: Date.now() + 3_600_000,
      createdBy: null,
      at: Date.now(),
    });
    const invite = formatInviteLink(proxy.url, code);
    const organiser = await joinByApi(proxy.url, invite, 'Organiser');
    const page = `${site.origin}/article.html`;
    const ada = await openProfile('Ada', browsers[0]!, page, invite, COMMUNITY);
    const bea = await openProfile('Bea', browsers[1]!, page, invite, COMMUNITY);
    profiles.push(ada, bea);

    await harvestOnPage(ada, '#p1', 'Most slow React screens we profiled', 'Ada: profile before blaming React');
    await harvestOnPage(bea, '#p3', 'Reconciliation depends on stable keys.', 'Bea: keys must be stable');
    await syncUntilClean(ada);
    await syncUntilClean(bea);

    // A process dies without warning: the balancer routes around it while Ada harvests and syncs.
    await eps.crash(1);
    await harvestOnPage(ada, '#p5', 'Measure first with the profiler', 'Ada: measure first');
    // And another dies as Ada's push may be in flight on it: a cut request is retried, never applied twice.
    await Promise.all([syncUntilClean(ada), eps.crash(3)]);
    // It comes back; another dies while Bea thanks Ada's first note.
    await eps.restart(1);
    await eps.crash(2);
    await syncUntilClean(bea);
    const popup = await openPopup(bea);
    const card = await findCard(popup, 'profiled', 'Most slow React screens we profiled');
    await card.getByRole('button', { name: /^Thank the author/ }).click();
    await expect(card.getByRole('button', { name: /^Withdraw your thanks/ })).toBeVisible();
    await syncUntilClean(bea);
    await eps.restart(2);
    await eps.restart(3);
    await syncUntilClean(ada);
    await syncUntilClean(bea);

    // Exactly once: three notes in the shared database, whichever processes took the pushes and their retries.
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM notes WHERE community_id = $1', [
      communityId,
    ]);
    expect(Number(rows[0]!.n)).toBe(3);
    const server = await serverView(organiser);
    expect([...server.values()].map((r) => r.takeaway).sort()).toEqual([
      'Ada: measure first',
      'Ada: profile before blaming React',
      'Bea: keys must be stable',
    ]);
    const thanked = [...server.values()].find((r) => r.takeaway === 'Ada: profile before blaming React')!;
    const members = (await organiser.call('GET', '/v1/members')).body as {
      members: { id: string; displayName: string }[];
    };
    expect(thanked.thankedBy).toEqual([members.members.find((m) => m.displayName === 'Bea')!.id]);
    for (const p of profiles) {
      const local = await replica(p, communityId);
      expect([...local.keys()].sort(), `${p.name}'s notes`).toEqual([...server.keys()].sort());
      for (const [id, row] of server) expect(local.get(id), `${p.name}: ${row.takeaway}`).toEqual(row);
    }
    // Every process served the members: the balancer spread their requests over all four.
    expect([...proxy.served.keys()].sort()).toEqual([...eps.ports()].sort());
  } finally {
    for (const b of browsers) await b.then((x) => x.close()).catch(() => undefined);
    await site.close();
    await proxy.close();
    await eps.stopAll();
    await db.close();
    await scratch.drop();
  }
});
