import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { impactReport, ledgerQuery, quarterOf, reportBlocks } from '../../lib/impact';
import { ImpactEntryListSchema, LedgerSummarySchema } from '../../lib/impact/schema';
import type { JoinResponse } from '../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../testing/harness';
import { client, makeNote } from '../testing/notes';

const JAN = Date.UTC(2026, 0, 15, 12);
const FEB = Date.UTC(2026, 1, 10, 12);

describe.each(BACKENDS)('impact ledger API on %s', (backend) => {
  const t = useTestServer(backend);

  /** A community with a facilitator and `n` members, and a note the members open. */
  async function setUp(n = 6) {
    const c = await t.community();
    const facilitator = await c.member('Fay', 'facilitator');
    const members: JoinResponse[] = [];
    for (let i = 0; i < n; i++) members.push(await c.member(`Member ${i}`));
    const note = makeNote();
    const push = await t.request('POST', '/v1/sync/push', {
      token: members[0]!.token,
      body: { mutations: [client().create(note)] },
    });
    expect(push.status).toBe(200);
    return { c, facilitator, members, noteId: note.id };
  }

  const entry = (noteId: string, over: object = {}) => ({
    id: randomUUID(),
    noteId,
    source: 'search',
    openedAt: new Date(t.clock.now - 3_600_000).toISOString(),
    answeredAt: new Date(t.clock.now).toISOString(),
    minutesSaved: 30,
    outcome: null,
    outcomeNoteId: null,
    ...over,
  });
  const post = (token: string, body: object) => t.request('POST', '/v1/community/impact/entries', { token, body });
  const summary = (token: string, from = '2026-01-01T00:00:00Z', to = '2026-03-01T00:00:00Z') =>
    t.request('GET', `/v1/community/impact/summary?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, {
      token,
    });

  it('stores an answer once: a resend is 200 with the same entry, a second answer about that opening is 409', async () => {
    const { members, noteId } = await setUp(1);
    const body = entry(noteId);
    const first = await post(members[0]!.token, body);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ id: body.id, memberId: members[0]!.member.id, minutesSaved: 30 });
    const again = await post(members[0]!.token, body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const before = await t.snapshot();
    const second = await post(members[0]!.token, { ...body, id: randomUUID(), minutesSaved: 120 });
    expect(second.status).toBe(409);
    const changed = await post(members[0]!.token, { ...body, minutesSaved: 5 });
    expect(changed.status).toBe(409);
    expect(await t.snapshot()).toBe(before);
  });

  it('refuses bad answers with a clear error, changing nothing', async () => {
    const { members, noteId } = await setUp(1);
    await t.request('GET', '/v1/community', { token: members[0]!.token }); // token use recorded before the snapshot
    const before = await t.snapshot();
    for (const body of [
      entry(noteId, { minutesSaved: 45 }),
      entry(noteId, { minutesSaved: null, outcome: null }),
      entry(noteId, { source: 'email' }),
      entry(noteId, { outcomeNoteId: randomUUID() }),
      entry(noteId, { openedAt: new Date(t.clock.now + 1000).toISOString() }),
      entry(noteId, {
        answeredAt: new Date(t.clock.now + 86_400_000).toISOString(),
        openedAt: new Date(t.clock.now).toISOString(),
      }),
      entry('not-a-uuid'),
      entry(noteId, { answeredAt: 'yesterday' }),
      { ...entry(noteId), memberId: members[0]!.member.id },
    ]) {
      const res = await post(members[0]!.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('bad_request');
      expect(res.json.error.message).toMatch(/^Invalid request: /);
    }
    expect(await t.snapshot()).toBe(before);
  });

  it('lets a member read only their own entries, and only facilitators read the summary', async () => {
    const { facilitator, members, noteId } = await setUp(2);
    const mine = entry(noteId);
    expect((await post(members[0]!.token, mine)).status).toBe(201);
    expect((await post(members[1]!.token, entry(noteId, { minutesSaved: 120 }))).status).toBe(201);
    const read = ImpactEntryListSchema.parse(
      (await t.request('GET', '/v1/community/impact/entries/mine', { token: members[0]!.token })).json,
    );
    expect(read.entries.map((e) => e.id)).toEqual([mine.id]);
    const other = await t.request('GET', '/v1/community/impact/entries/mine', { token: facilitator.token });
    expect(other.json.entries).toEqual([]);
    expect((await summary(members[0]!.token)).status).toBe(403);
    // Another community's facilitator sees none of it.
    const elsewhere = await t.community('Elsewhere');
    const fay2 = await elsewhere.member('Fay Two', 'facilitator');
    const s = LedgerSummarySchema.parse((await summary(fay2.token)).json);
    expect(s.total).toBeNull();
    expect(s.byMonth.every((m) => m.cell === null)).toBe(true);
  });

  it('hides every figure until k people answered, then shows them with no member id', async () => {
    const { facilitator, members, noteId } = await setUp(6);
    for (const m of members.slice(0, 4)) expect((await post(m.token, entry(noteId))).status).toBe(201);
    const hidden = LedgerSummarySchema.parse((await summary(facilitator.token)).json);
    expect(hidden).toMatchObject({
      k: 5,
      total: null,
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    });
    expect(hidden.byMonth).toEqual([
      { month: '2026-01', cell: null },
      { month: '2026-02', cell: null },
    ]);
    expect(hidden.bySource.every((s) => s.cell === null)).toBe(true);
    expect((await post(members[4]!.token, entry(noteId, { minutesSaved: 120 }))).status).toBe(201);
    const res = await summary(facilitator.token);
    const shown = LedgerSummarySchema.parse(res.json);
    expect(shown.total).toEqual({ members: 5, entries: 5, minutesSaved: 240, medianMinutes: 30, wins: 0, stories: 0 });
    expect(shown.bySource.find((s) => s.source === 'search')!.cell!.minutesSaved).toBe(240);
    for (const m of members) expect(res.text).not.toContain(m.member.id);
  });

  it('cannot be narrowed or differenced into a group of fewer than k', async () => {
    const { facilitator, members, noteId } = await setUp(6);
    // Four people answer in January.
    t.clock.now = JAN;
    for (const m of members.slice(0, 4)) expect((await post(m.token, entry(noteId))).status).toBe(201);
    // Narrowing to a day inside January still counts the whole month: the four stay hidden.
    const narrow = LedgerSummarySchema.parse(
      (await summary(facilitator.token, '2026-01-15T00:00:00Z', '2026-01-16T00:00:00Z')).json,
    );
    expect(narrow).toMatchObject({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', total: null });
    // A fifth January answer shows January; one answer in February alone is in no figure, so no difference finds it.
    expect((await post(members[5]!.token, entry(noteId, { minutesSaved: 5 }))).status).toBe(201);
    t.clock.now = FEB;
    expect((await post(members[4]!.token, entry(noteId, { minutesSaved: 120 }))).status).toBe(201);
    const jan = LedgerSummarySchema.parse(
      (await summary(facilitator.token, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')).json,
    );
    const janFeb = LedgerSummarySchema.parse((await summary(facilitator.token)).json);
    const feb = LedgerSummarySchema.parse(
      (await summary(facilitator.token, '2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z')).json,
    );
    expect(jan.total).toMatchObject({ members: 5, minutesSaved: 125 });
    expect(janFeb.total).toEqual(jan.total);
    expect(janFeb.byMonth[1]).toEqual({ month: '2026-02', cell: null });
    expect(janFeb.bySource).toEqual(jan.bySource);
    expect(feb.total).toBeNull();
  });

  it('honours a larger k set by an admin, never a smaller one', async () => {
    const { c, facilitator, members, noteId } = await setUp(6);
    for (const m of members.slice(0, 5)) await post(m.token, entry(noteId));
    expect(LedgerSummarySchema.parse((await summary(facilitator.token)).json).total?.members).toBe(5);
    const put = (k: number, token = c.admin.token) =>
      t.request('PUT', '/v1/community/impact/settings', { token, body: { k } });
    expect((await put(4)).status).toBe(400);
    expect((await put(6, facilitator.token)).status).toBe(403);
    expect((await put(6)).status).toBe(200);
    const s = LedgerSummarySchema.parse((await summary(facilitator.token)).json);
    expect(s).toMatchObject({ k: 6, total: null });
  });

  it('names only members who consent now; withdrawing removes the name from the next summary', async () => {
    const { facilitator, members, noteId } = await setUp(6);
    for (const m of members.slice(0, 5)) await post(m.token, entry(noteId));
    const consent = (token: string, isNamed: boolean) =>
      t.request('PUT', '/v1/community/me/report-consent', { token, body: { isNamed } });
    const set = await consent(members[1]!.token, true);
    expect(set.json).toEqual({ isNamed: true, changedAt: t.clock.now });
    await consent(members[5]!.token, true); // consents, but answered nothing in the period: not named
    expect(LedgerSummarySchema.parse((await summary(facilitator.token)).json).named).toEqual([
      { memberId: members[1]!.member.id, displayName: 'Member 1' },
    ]);
    t.clock.now += 60_000;
    await consent(members[1]!.token, false);
    const got = await t.request('GET', '/v1/community/me/report-consent', { token: members[1]!.token });
    expect(got.json).toEqual({ isNamed: false, changedAt: t.clock.now });
    const after = await summary(facilitator.token);
    expect(after.json.named).toEqual([]);
    expect(after.text).not.toContain(members[1]!.member.id);
    expect(
      (
        await t.request('PUT', '/v1/community/me/report-consent', {
          token: members[1]!.token,
          body: { isNamed: 'yes' },
        })
      ).status,
    ).toBe(400);
  });

  it('names exactly the members consenting at the time of each summary, whatever the order of switches (property)', async () => {
    const { facilitator, members, noteId } = await setUp(5);
    for (const m of members) await post(m.token, entry(noteId));
    const switches = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.boolean()), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(switches, async (steps) => {
        for (const m of members) {
          await t.request('PUT', '/v1/community/me/report-consent', { token: m.token, body: { isNamed: false } });
        }
        const consenting = new Set<string>();
        for (const [i, isNamed] of steps) {
          await t.request('PUT', '/v1/community/me/report-consent', { token: members[i]!.token, body: { isNamed } });
          if (isNamed) consenting.add(members[i]!.member.id);
          else consenting.delete(members[i]!.member.id);
          const named = LedgerSummarySchema.parse((await summary(facilitator.token)).json).named;
          expect(named.map((n) => n.memberId).sort()).toEqual([...consenting].sort());
        }
      }),
      { numRuns: 6 },
    );
  });

  it('lists outcomes about community notes only, with the win or story note while it lives', async () => {
    const { facilitator, members, noteId } = await setUp(6);
    const win = makeNote({ kind: 'win' });
    await t.request('POST', '/v1/sync/push', { token: members[2]!.token, body: { mutations: [client().create(win)] } });
    const personal = randomUUID();
    await post(members[0]!.token, entry(noteId, { outcome: 'win', outcomeNoteId: win.id }));
    await post(members[1]!.token, entry(personal, { outcome: 'story', minutesSaved: null }));
    for (const m of members.slice(2, 5)) await post(m.token, entry(noteId));
    const s = LedgerSummarySchema.parse((await summary(facilitator.token)).json);
    expect(s.total).toMatchObject({ members: 5, wins: 1, stories: 1 });
    expect(s.outcomes).toEqual([{ noteId, outcome: 'win', outcomeNoteId: win.id }]);
  });
  const settings = (token: string) => t.request('GET', '/v1/community/impact/settings', { token });
  const putSettings = (token: string, body: object) =>
    t.request('PUT', '/v1/community/impact/settings', { token, body });

  it('keeps one ledger zone per community: UTC until an admin sets an IANA zone; a bad one is a 400 that changes nothing', async () => {
    const { c, facilitator, members } = await setUp(1);
    expect((await settings(facilitator.token)).json).toEqual({ k: 5, timeZone: 'UTC' });
    expect((await settings(members[0]!.token)).status).toBe(403);
    expect((await settings(c.admin.token)).status).toBe(200); // token use recorded before the snapshot
    const before = await t.snapshot();
    for (const body of [
      { k: 5, timeZone: 'Mars/Olympus_Mons' },
      { k: 5, timeZone: '+05:00' },
      { k: 5, timeZone: '' },
      { k: 5, timeZone: 42 },
      { k: 4, timeZone: 'Europe/London' }, // k's floor holds whatever the zone
      { timeZone: 'Europe/London' },
    ]) {
      const res = await putSettings(c.admin.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('bad_request');
    }
    const bad = await putSettings(c.admin.token, { k: 5, timeZone: 'Mars/Olympus_Mons' });
    expect(bad.json.error.message).toBe('Invalid request: timeZone: must be an IANA time zone');
    expect((await putSettings(facilitator.token, { k: 5, timeZone: 'Europe/London' })).status).toBe(403);
    expect(await t.snapshot()).toBe(before);
    expect((await settings(facilitator.token)).json).toEqual({ k: 5, timeZone: 'UTC' });

    const set = await putSettings(c.admin.token, { k: 6, timeZone: 'Australia/Lord_Howe' });
    expect(set.status).toBe(200);
    expect(set.json).toEqual({ k: 6, timeZone: 'Australia/Lord_Howe' });
    // Without a zone, k changes and the zone stays.
    expect((await putSettings(c.admin.token, { k: 7 })).json).toEqual({ k: 7, timeZone: 'Australia/Lord_Howe' });
    expect((await settings(facilitator.token)).json).toEqual({ k: 7, timeZone: 'Australia/Lord_Howe' });
    expect(LedgerSummarySchema.parse((await summary(facilitator.token)).json).timeZone).toBe('Australia/Lord_Howe');
    // Another community keeps its own.
    const other = await t.community('Elsewhere');
    expect((await settings(other.admin.token)).json).toEqual({ k: 5, timeZone: 'UTC' });
  });

  it.each([
    // Ahead of UTC (+13 in January): 23:30 on 31 January is still January in UTC too, 00:30 on 1 February is not.
    ['Pacific/Auckland', Date.UTC(2026, 0, 31, 10, 30), Date.UTC(2026, 0, 31, 11, 30)],
    // Behind UTC (−8): 23:30 on 31 January is already February in UTC.
    ['America/Los_Angeles', Date.UTC(2026, 1, 1, 7, 30), Date.UTC(2026, 1, 1, 8, 30)],
  ])(
    'counts an answer received at 23:30 local on the last day of a month in that local month (%s)',
    async (zone, lastEvening, firstMorning) => {
      const { c, facilitator, members, noteId } = await setUp(10);
      expect((await putSettings(c.admin.token, { k: 5, timeZone: zone })).status).toBe(200);
      t.clock.now = lastEvening;
      for (const m of members.slice(0, 5))
        expect((await post(m.token, entry(noteId, { minutesSaved: 5 }))).status).toBe(201);
      t.clock.now = firstMorning;
      for (const m of members.slice(5))
        expect((await post(m.token, entry(noteId, { minutesSaved: 120 }))).status).toBe(201);
      t.clock.now = Date.UTC(2026, 2, 10);
      const s = LedgerSummarySchema.parse(
        (await summary(facilitator.token, '2026-01-15T00:00:00Z', '2026-02-15T00:00:00Z')).json,
      );
      expect(s.timeZone).toBe(zone);
      expect(s.byMonth.map((m) => [m.month, m.cell?.members, m.cell?.minutesSaved])).toEqual([
        ['2026-01', 5, 25],
        ['2026-02', 5, 600],
      ]);
      // from/to are the zone's local midnights, not UTC's.
      const local = (iso: string) =>
        new Intl.DateTimeFormat('en-CA', {
          timeZone: zone,
          dateStyle: 'short',
          timeStyle: 'short',
          hourCycle: 'h23',
        }).format(Date.parse(iso));
      expect([local(s.from), local(s.to)]).toEqual(['2026-01-01, 00:00', '2026-03-01, 00:00']);
    },
  );

  it.each([
    // Europe/London: March ends an hour early in UTC (BST from 29 March), October starts an hour early (BST until 25 October).
    ['Europe/London', '2026-03-15T12:00:00Z', '2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z'],
    ['Europe/London', '2026-10-15T12:00:00Z', '2026-09-30T23:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    // Australia/Lord_Howe moves by 30 minutes: +11 to +10:30 on 5 April, back to +11 on 4 October.
    ['Australia/Lord_Howe', '2026-04-15T12:00:00Z', '2026-03-31T13:00:00.000Z', '2026-04-30T13:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-15T12:00:00Z', '2026-09-30T13:30:00.000Z', '2026-10-31T13:00:00.000Z'],
  ])('cuts DST months at their exact local midnights (%s, around %s)', async (zone, inside, start, end) => {
    const { c, facilitator, members, noteId } = await setUp(10);
    expect((await putSettings(c.admin.token, { k: 5, timeZone: zone })).status).toBe(200);
    const s = LedgerSummarySchema.parse(
      (await summary(facilitator.token, inside, inside.replace('12:00', '13:00'))).json,
    );
    expect([s.from, s.to]).toEqual([start, end]);
    // One millisecond before the end counts in the month, the end itself in the next one.
    t.clock.now = Date.parse(end) - 1;
    for (const m of members.slice(0, 5))
      expect((await post(m.token, entry(noteId, { minutesSaved: 5 }))).status).toBe(201);
    t.clock.now = Date.parse(end);
    for (const m of members.slice(5))
      expect((await post(m.token, entry(noteId, { minutesSaved: 30 }))).status).toBe(201);
    t.clock.now = Date.parse(end) + 40 * 86_400_000;
    const month = LedgerSummarySchema.parse(
      (await summary(facilitator.token, inside, inside.replace('12:00', '13:00'))).json,
    );
    expect(month.byMonth).toHaveLength(1);
    expect(month.total).toMatchObject({ members: 5, minutesSaved: 25 });
    const next = LedgerSummarySchema.parse(
      (await summary(facilitator.token, end, new Date(Date.parse(end) + 1).toISOString())).json,
    );
    expect(next.from).toBe(end);
    expect(next.total).toMatchObject({ members: 5, minutesSaved: 150 });
  });
  it('gives a report in the community’s zone months that line up with its own at a month edge, and says so when zones differ', async () => {
    const { c, facilitator, members, noteId } = await setUp(10);
    const zone = 'Europe/London';
    expect((await putSettings(c.admin.token, { k: 5, timeZone: zone })).status).toBe(200);
    // 00:30 on 1 October in London (BST) is still 30 September in UTC; 23:30 on 31 December is the year's end.
    t.clock.now = Date.UTC(2026, 8, 30, 23, 30);
    for (const m of members.slice(0, 5))
      expect((await post(m.token, entry(noteId, { minutesSaved: 30 }))).status).toBe(201);
    t.clock.now = Date.UTC(2026, 10, 15); // November: shown too, so no month is hidden to protect another
    for (const m of members.slice(0, 5)) {
      expect((await post(m.token, entry(noteId, { minutesSaved: 5 }))).status).toBe(201);
    }
    t.clock.now = Date.UTC(2026, 11, 31, 23, 30);
    for (const m of members.slice(5))
      expect((await post(m.token, entry(noteId, { minutesSaved: 120 }))).status).toBe(201);
    const now = Date.UTC(2026, 11, 31, 23, 45);
    const report = async (timeZone: string) => {
      const q = ledgerQuery(quarterOf(now, timeZone));
      const res = await summary(facilitator.token, new Date(q.from).toISOString(), new Date(q.to).toISOString());
      return impactReport({
        communityId: c.id,
        communityName: 'Makers',
        notes: [],
        questionEvents: [],
        events: [],
        summary: LedgerSummarySchema.parse(res.json),
        now,
        timeZone,
      });
    };
    const same = await report(zone);
    expect(same.period.label).toBe('2026 Q4');
    if (!same.timeSaved.isAvailable) throw new Error(same.timeSaved.reason);
    expect(same.timeSaved).toMatchObject({ timeZone: zone, isSameZone: true });
    expect(same.timeSaved.byMonth.map((m) => [m.label, m.cell?.value.minutesSaved ?? null])).toEqual([
      ['October 2026', 150],
      ['November 2026', 25],
      ['December 2026', 600],
    ]);
    expect(same.timeSaved.total).toMatchObject({ people: 10, value: { minutesSaved: 775 } });
    const words = (r: typeof same) =>
      reportBlocks(r)
        .map((b) => ('text' in b ? b.text : ''))
        .join('\n');
    expect(words(same)).not.toMatch(/time zone/);

    // A facilitator in Los Angeles reads the same months cut at London's edges, and is told so in words.
    const other = await report('America/Los_Angeles');
    if (!other.timeSaved.isAvailable) throw new Error(other.timeSaved.reason);
    expect(other.timeSaved).toMatchObject({ timeZone: zone, isSameZone: false });
    expect(other.timeSaved.byMonth.map((m) => m.cell?.value.minutesSaved ?? null)).toEqual([150, 25, 600]);
    expect(words(other)).toContain(
      'in the community’s time zone (Europe/London), while this report’s months are in America/Los_Angeles',
    );
  });
});
