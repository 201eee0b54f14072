import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RITUALS } from '../../lib/digest/rituals';
import { CalendarFeedCreatedSchema, CalendarFeedInfoSchema } from '../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../testing/harness';

const FIRST_THURSDAY = {
  id: 'ft',
  kind: 'ama',
  title: 'First-Thursday AMA',
  cadence: 'monthly-weekday',
  anchor: '2026-01-01',
  nth: 1,
} as const;
const SCHEDULE = { timeZone: 'Europe/Berlin', rituals: [...DEFAULT_RITUALS, FIRST_THURSDAY] };

/** The path part of a feed address, as a calendar app would request it. */
const pathOf = (url: string) => new URL(url).pathname;

describe.each(BACKENDS)('rituals calendar feed on %s', (backend) => {
  const t = useTestServer(backend);

  it('gives a member a secret address serving their rituals as text/calendar, with VTIMEZONE, ETag and 304', async () => {
    const c = await t.community('Ops guild');
    const ada = await c.member('Ada');
    expect((await t.request('GET', '/v1/members/me/calendar', { token: ada.token })).json).toEqual({ isActive: false });

    const created = await t.request('POST', '/v1/members/me/calendar', { token: ada.token, body: SCHEDULE });
    expect(created.status).toBe(201);
    const { url, webcalUrl } = CalendarFeedCreatedSchema.parse(created.json);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:8787\/v1\/calendar\/cal_[A-Za-z0-9_-]{43}\.ics$/);
    expect(webcalUrl).toBe(url.replace('http://', 'webcal://'));
    const token = /cal_[^.]+/.exec(url)![0];
    const stored = await t.db.query<{ r: string }>('SELECT to_jsonb(f)::text AS r FROM calendar_feeds f');
    expect(stored.rows[0]!.r).not.toContain(token);

    const feed = await t.request('GET', pathOf(url));
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('private, no-cache');
    const root = new ICAL.Component(ICAL.parse(feed.text));
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Ops guild rituals');
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
      'Europe/Berlin',
    ]);
    const events = root.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual([...DEFAULT_RITUALS.map((r) => r.title), 'First-Thursday AMA']);
    expect(events.at(-1)!.startDate.toString()).toBe('2026-01-01T09:00:00');
    expect(events.at(-1)!.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect(String(events.at(-1)!.component.getFirstPropertyValue('rrule'))).toBe('FREQ=MONTHLY;BYDAY=1TH');

    const etag = feed.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await t.request('GET', pathOf(url), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await t.request('GET', pathOf(url), { headers: { 'if-none-match': '"other"' } })).status).toBe(200);

    const info = CalendarFeedInfoSchema.parse(
      (await t.request('GET', '/v1/members/me/calendar', { token: ada.token })).json,
    );
    expect(info).toMatchObject({ isActive: true, timeZone: 'Europe/Berlin', rituals: 5 });
    expect(JSON.stringify(info)).not.toContain(token);
  });

  it('changes the schedule at the same address; the ETag follows the content', async () => {
    const c = await t.community();
    const ada = await c.member('Ada');
    const { url } = (await t.request('POST', '/v1/members/me/calendar', { token: ada.token, body: SCHEDULE })).json;
    const before = await t.request('GET', pathOf(url));
    t.clock.now += 60_000;
    const put = await t.request('PUT', '/v1/members/me/calendar', {
      token: ada.token,
      body: { timeZone: 'Asia/Kolkata', rituals: [FIRST_THURSDAY] },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ isActive: true, timeZone: 'Asia/Kolkata', rituals: 1 });
    const after = await t.request('GET', pathOf(url), { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(after.text).toContain('DTSTART;TZID=Asia/Kolkata:20260101T090000');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it("answers a rotated, revoked or removed member's address exactly as one never issued", async () => {
    const c = await t.community();
    const ada = await c.member('Ada');
    const grace = await c.member('Grace');
    const first = (await t.request('POST', '/v1/members/me/calendar', { token: ada.token, body: SCHEDULE })).json.url;
    const rotated = (await t.request('POST', '/v1/members/me/calendar', { token: ada.token, body: SCHEDULE })).json.url;
    expect(rotated).not.toBe(first);
    const unknown = `/v1/calendar/cal_${'A'.repeat(43)}.ics`;
    const answer = async (path: string) => {
      const r = await t.request('GET', path);
      return { status: r.status, body: r.text, type: r.headers.get('content-type'), etag: r.headers.get('etag') };
    };
    const never = await answer(unknown);
    expect(never.status).toBe(404);
    expect(await answer(pathOf(first))).toEqual(never);
    expect((await answer(pathOf(rotated))).status).toBe(200);

    expect((await t.request('DELETE', '/v1/members/me/calendar', { token: ada.token })).status).toBe(204);
    expect(await answer(pathOf(rotated))).toEqual(never);
    expect((await t.request('GET', '/v1/members/me/calendar', { token: ada.token })).json).toEqual({ isActive: false });

    const graces = (await t.request('POST', '/v1/members/me/calendar', { token: grace.token, body: SCHEDULE })).json
      .url;
    expect((await answer(pathOf(graces))).status).toBe(200);
    expect((await t.request('DELETE', `/v1/members/${grace.member.id}`, { token: c.admin.token })).status).toBe(204);
    expect(await answer(pathOf(graces))).toEqual(never);
    for (const bad of ['/v1/calendar/cal_short.ics', `/v1/calendar/cal_${'A'.repeat(43)}`, '/v1/calendar/%00.ics']) {
      expect(await answer(bad)).toEqual(never);
    }
  });

  it('refuses a bad schedule with its reason and changes nothing', async () => {
    const c = await t.community();
    const ada = await c.member('Ada');
    await t.request('GET', '/v1/members/me/calendar', { token: ada.token }); // its token's last use is recorded
    const before = await t.snapshot();
    const bad = [
      { timeZone: 'Mars/Olympus', rituals: [] },
      { timeZone: 'UTC', rituals: [{ ...FIRST_THURSDAY, nth: 2 }] }, // Jan 1 2026 is the first Thursday
      { timeZone: 'UTC', rituals: [{ ...FIRST_THURSDAY, nth: undefined }] },
      { timeZone: 'UTC', rituals: [{ ...FIRST_THURSDAY, cadence: 'fortnightly' }] },
      { timeZone: 'UTC', rituals: [], extra: 1 },
    ];
    for (const body of bad) {
      const res = await t.request('POST', '/v1/members/me/calendar', { token: ada.token, body });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('bad_request');
    }
    expect((await t.request('PUT', '/v1/members/me/calendar', { token: ada.token, body: SCHEDULE })).status).toBe(404);
    expect((await t.request('POST', '/v1/members/me/calendar', { body: SCHEDULE })).status).toBe(401);
    expect(await t.snapshot()).toBe(before);
  });
});
