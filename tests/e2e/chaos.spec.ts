import { readTable } from './digest-seed';
import { callEndpoint, joinByApi, pullAll, startEndpointProcess, type EndpointProcess } from './endpoint-process';
import { expect, isTestBuild, launchWithExtension, test } from './fixtures';
import { hostileMember, PWNED_FLAG, type HostileMember } from './hostile-member';
import { syncLine } from './pages/community';
import {
  findCard,
  harvestOnPage,
  openPopup,
  openProfile,
  replica,
  serverView,
  syncUntilClean,
  type Profile,
  type StoredNote,
} from './pages/sync-members';
import { startStaticServer } from './static-server';

/**
 * Issue 15's chaos run: two honest members (two Chromium profiles with the built extension) and one hostile
 * member (a real token, from a real invite, scripted against the HTTP API) share a community on a real endpoint
 * process; a hostile page is open in both profiles while they harvest on it. Sync must keep converging for the
 * honest members: the same notes on both and on the server, nothing refused stored, no script run.
 */
const LIMITS = {
  requestsPerMinute: 240,
  writesPerMinute: 1500,
  noteBytes: 64_000,
  memberNotes: 40,
  // The lowest quota the endpoint accepts (one note of the protocol's largest size): 17 notes near the size cap fill it.
  memberBytes: 1_048_576,
};
const COMMUNITY = 'My community';

test.setTimeout(240_000);

test('two honest members, a hostile page and a hostile member: sync converges for the honest, nothing hostile runs or sticks', async () => {
  if (!isTestBuild()) throw new Error('build the test build first: WXT_TEST_HOOKS=1 npx wxt build');
  // The endpoint's first start (PGlite's initdb) and both browsers start side by side.
  const starting = startEndpointProcess({
    TRUST_PROXY: '1',
    RATE_MEMBER_BURST: String(LIMITS.requestsPerMinute),
    RATE_MEMBER_PER_MINUTE: String(LIMITS.requestsPerMinute),
    WRITES_MEMBER_BURST: String(LIMITS.writesPerMinute),
    WRITES_MEMBER_PER_MINUTE: String(LIMITS.writesPerMinute),
    MAX_NOTE_BYTES: String(LIMITS.noteBytes),
    MEMBER_NOTES_QUOTA: String(LIMITS.memberNotes),
    MEMBER_BYTES_QUOTA: String(LIMITS.memberBytes),
  });
  const browsers = [launchWithExtension(), launchWithExtension()];
  const closers = browsers.map((b) =>
    b.then(
      (x) => x.close,
      () => async () => undefined,
    ),
  );
  const site = await startStaticServer();
  let endpoint: EndpointProcess | undefined;
  const profiles: Profile[] = [];
  try {
    endpoint = await starting;
    // The organiser: the first admin (the link the first start printed), who invites everyone else.
    const organiser = await joinByApi(endpoint.url, endpoint.adminInvite, 'Organiser');
    const invited = await organiser.call('POST', '/v1/invites', { maxUses: 10 });
    expect(invited.status).toBe(201);
    const { link: invite, code: inviteCode } = invited.body as { link: string; code: string };
    // Another community on the same server (the demo one), with notes the hostile member must not reach.
    const outsider = await joinByApi(endpoint.url, endpoint.demoInvite, 'Organiser');
    const demo = await pullAll(outsider);
    const demoNote = (demo.changes as { type: string; note?: StoredNote }[]).find((c) => c.type === 'note')!.note!;
    const demoCursor = ((await outsider.call('GET', '/v1/sync/pull')).body as { cursor: string }).cursor;

    const ada = await openProfile('Ada', browsers[0]!, `${site.origin}/chaos.html`, invite, COMMUNITY);
    const bea = await openProfile('Bea', browsers[1]!, `${site.origin}/chaos.html`, invite, COMMUNITY);
    profiles.push(ada, bea);
    const mallory: HostileMember = await hostileMember(endpoint.url, invite);

    // Round 1: the honest harvest on the hostile page while the hostile member sends what it can blind.
    const blind = (async () => {
      await mallory.pushHostileText(`${site.origin}/chaos.html`);
      await mallory.pushMalformed(outsider.communityId, LIMITS.noteBytes);
      await mallory.probeOtherCommunity({ member: outsider, noteId: demoNote.id, cursor: demoCursor });
      await mallory.impersonate(['Ada', 'Bea'], invite);
    })();
    await harvestOnPage(ada, '#r1', 'Ship small changes behind a flag', 'Ada: flags on for our team first');
    await harvestOnPage(ada, '#r2', 'Write the rollback step before the rollout step.', 'Ada: rollback before rollout');
    await harvestOnPage(
      bea,
      '#r3',
      'Keep the on-call notes next to the code they describe',
      'Bea: on-call notes by the code',
    );
    await blind;
    await syncUntilClean(ada);
    await syncUntilClean(bea);

    // Round 2: the hostile member goes after the honest notes it now sees; the honest members edit and thank.
    const seen = await serverView(organiser);
    const honestIds = [...seen.values()]
      .filter((r) => r.takeaway.startsWith('Ada:') || r.takeaway.startsWith('Bea:'))
      .sort((a, b) => a.takeaway.localeCompare(b.takeaway)); // flags, rollback, on-call
    expect(honestIds.map((r) => r.takeaway).sort()).toEqual([
      'Ada: flags on for our team first',
      'Ada: rollback before rollout',
      'Bea: on-call notes by the code',
    ]);
    const targeted = (async () => {
      await mallory.targetHonestNotes(honestIds.map((r) => r.id));
      await mallory.replay();
    })();
    const adaPopup = await openPopup(ada);
    const adaCard = await findCard(adaPopup, 'flags', 'Ship small changes behind a flag');
    await adaCard.getByRole('button', { name: 'Edit' }).click();
    await adaCard.getByLabel('Takeaway').fill('Ada: flags on for our team first, then everyone');
    await adaCard.getByRole('button', { name: 'Save changes' }).click();
    await expect(adaCard.getByText('Ada: flags on for our team first, then everyone')).toBeVisible();
    await syncUntilClean(bea);
    const beaPopup = await openPopup(bea);
    const rollback = await findCard(beaPopup, 'rollback', 'Write the rollback step before the rollout step.');
    await rollback.getByRole('button', { name: /^Thank the author/ }).click();
    await expect(rollback.getByRole('button', { name: /^Withdraw your thanks/ })).toBeVisible();
    await targeted;

    // Round 3: Bea goes offline, harvests and edits; meanwhile the hostile member floods past every limit.
    await bea.context.setOffline(true);
    const flood = mallory.flood(LIMITS);
    await harvestOnPage(
      bea,
      '#r4',
      'A checklist nobody reads is a checklist nobody needs',
      'Bea: checklists from failures',
    );
    const onCall = await findCard(beaPopup, 'on-call', 'Keep the on-call notes next to the code they describe');
    await onCall.getByRole('button', { name: 'Edit' }).click();
    await onCall.getByLabel('Takeaway').fill('Bea: on-call notes by the code, reviewed together');
    await onCall.getByRole('button', { name: 'Save changes' }).click();
    await syncUntilClean(ada);
    await flood;
    await bea.context.setOffline(false);
    await syncUntilClean(bea);
    await syncUntilClean(ada);
    await syncUntilClean(bea);

    // Convergence: both replicas equal the server's view of the community.
    const server = await serverView(organiser);
    const members = (await organiser.call('GET', '/v1/members')).body as {
      members: { id: string; displayName: string }[];
    };
    const idOf = (name: string) => members.members.find((m) => m.displayName === name)!.id;
    const honest = [...server.values()].filter((r) => r.authorId === idOf('Ada') || r.authorId === idOf('Bea'));
    expect(honest.map((r) => r.takeaway).sort()).toEqual([
      'Ada: flags on for our team first, then everyone',
      'Ada: rollback before rollout',
      'Bea: checklists from failures',
      'Bea: on-call notes by the code, reviewed together',
    ]);
    const rollbackRow = honest.find((r) => r.takeaway === 'Ada: rollback before rollout')!;
    expect(rollbackRow.thankedBy).toEqual([idOf('Bea')]);
    const flagsRow = honest.find((r) => r.takeaway.startsWith('Ada: flags'))!;
    expect(flagsRow.thankedBy).toEqual([mallory.ledger.member.memberId]); // a thank anyone may give

    // Everything the hostile member got accepted, and nothing it was refused.
    const hostileRows = [...server.values()].filter((r) => r.authorId === mallory.ledger.member.memberId);
    expect(hostileRows.map((r) => r.id).sort()).toEqual([...mallory.ledger.accepted.keys()].sort());
    for (const r of hostileRows) expect(r.takeaway).toBe(mallory.ledger.accepted.get(r.id)!.takeaway);
    expect(server.size).toBe(honest.length + hostileRows.length);

    for (const p of profiles) {
      const local = await replica(p, organiser.communityId);
      expect([...local.keys()].sort(), `${p.name}'s notes`).toEqual([...server.keys()].sort());
      for (const [id, row] of server) expect(local.get(id), `${p.name}: ${row.takeaway.slice(0, 40)}`).toEqual(row);
      for (const id of mallory.ledger.refused) expect(local.has(id)).toBe(false);
      const everything = await readTable<StoredNote>(p.options, 'notes');
      expect(everything.filter((n) => /SPOOFED|Mallory (was here|takeover|rewrote)/.test(n.takeaway))).toEqual([]);
      expect(everything.filter((n) => n.id === demoNote.id)).toEqual([]);
      // No honest sync stalled: no error, nothing waiting, nothing set aside.
      await expect(syncLine(p.options)).toContainText('Synced');
      await expect(p.options.getByRole('heading', { name: /set aside, not shared/ })).toHaveCount(0);
    }
    // The other community's note is as it was.
    const demoAfter = await pullAll(outsider);
    const demoNoteAfter = (demoAfter.changes as { type: string; note?: StoredNote }[]).find(
      (c) => c.note?.id === demoNote.id,
    )!.note!;
    expect(demoNoteAfter.takeaway).toBe(demoNote.takeaway);

    // The hostile member's notes render as text: its markup shows, and no script ran.
    const popup = await openPopup(ada);
    const [markupNote] = mallory.ledger.accepted.values();
    const markupCard = await findCard(popup, 'Mallory markup', markupNote!.quote.slice(0, 80));
    await expect(markupCard).toContainText('<img src=x onerror=');
    await expect(markupCard.locator('img, script, svg, a[href^="javascript"]')).toHaveCount(0);
    const newtab = await ada.context.newPage();
    await newtab.goto(`chrome-extension://${ada.extensionId}/newtab.html`);
    await expect(newtab.getByRole('main')).toBeVisible();
    for (const page of [popup, newtab, adaPopup, beaPopup, ada.page, bea.page]) {
      const flag = await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], PWNED_FLAG);
      expect(flag, page.url()).toBeUndefined();
    }

    // The hostile page tried, and got nowhere: it posted and dispatched, and never read one of our frames.
    for (const p of profiles) {
      const tried = await p.page.evaluate(() => (window as never as { chaos: Record<string, number> }).chaos);
      expect(tried.posted).toBeGreaterThan(100);
      expect(tried.dispatched).toBeGreaterThan(100);
      expect(tried.framesRead).toBe(0);
    }

    // The endpoint is healthy, answered no request with a 5xx, and logged no token or invite code.
    const health = await callEndpoint(endpoint.url, 'GET', '/healthz');
    expect(health).toMatchObject({ status: 200, body: { ok: true, database: 'ok' } });
    const log = endpoint.output();
    expect(log.split('\n').filter((l) => l.includes('"level":"error"'))).toEqual([]);
    const memberships = await Promise.all(
      profiles.map(async (p) =>
        (await readTable<{ key: string; value: { token?: string } }>(p.options, 'kv')).filter((r) =>
          r.key.startsWith('sync:member:'),
        ),
      ),
    );
    const secrets = [
      organiser.token,
      outsider.token,
      inviteCode,
      ...mallory.ledger.tokens,
      ...memberships.flat().map((r) => r.value.token!),
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(7);
    for (const secret of secrets) expect(log.includes(secret), 'a secret in the log').toBe(false);
    expect(log).toContain('"route":"/v1/sync/push"'); // the log did record the run
  } finally {
    for (const close of closers) await (await close)();
    await site.close();
    expect(await (endpoint ?? (await starting)).stop()).toBe(0);
  }
});
