import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { ritualsCalendar } from '../../../lib/rituals/calendar';
import { CalendarFeedScheduleSchema } from '../../../lib/sync/protocol';
import {
  feedByToken,
  feedInfo,
  feedUrls,
  FEED_FILE,
  issueFeed,
  revokeFeed,
  updateFeedSchedule,
} from '../calendar/feeds';
import { requireMember } from '../http/auth';
import type { AppEnv } from '../http/env';
import { ApiHttpError } from '../http/errors';
import { readJson } from '../http/validate';

/** The member's own feed address: see whether there is one, get a new one (rotate), change its schedule, revoke. */
export const myCalendar = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', async (c) => c.json(await feedInfo(c.var.services.db, c.var.auth.memberId)))
  .post('/', async (c) => {
    const schedule = await readJson(c, CalendarFeedScheduleSchema);
    const { db, now, publicUrl } = c.var.services;
    const token = await issueFeed(db, c.var.auth, schedule, now());
    return c.json(feedUrls(publicUrl, token), 201);
  })
  .put('/', async (c) => {
    const schedule = await readJson(c, CalendarFeedScheduleSchema);
    const { db, now } = c.var.services;
    if (!(await updateFeedSchedule(db, c.var.auth.memberId, schedule, now()))) {
      throw new ApiHttpError(404, 'not_found', 'You have no calendar feed: create one first');
    }
    return c.json(await feedInfo(db, c.var.auth.memberId));
  })
  .delete('/', async (c) => {
    await revokeFeed(c.var.services.db, c.var.auth.memberId);
    return c.body(null, 204);
  });

/** Exactly the app's answer to a path it does not route: a revoked or unknown address learns nothing more. */
const notFound = () => new ApiHttpError(404, 'not_found', 'Not found');

/**
 * The calendar at its secret address, for calendar apps (no bearer token). The request log names this route by
 * its pattern, so the token in the path is never written anywhere (request-log.test.ts proves it).
 */
export const calendarFeed = new Hono<AppEnv>().get('/:id', async (c) => {
  const file = FEED_FILE.exec(c.req.param('id'));
  if (!file) throw notFound();
  const feed = await feedByToken(c.var.services.db, file[1]!);
  if (!feed) throw notFound();
  const body = ritualsCalendar(feed);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  const headers = {
    ETag: etag,
    // The address is a secret: no shared cache keeps it; apps revalidate with If-None-Match.
    'Cache-Control': 'private, no-cache',
  };
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(body, 200, { ...headers, 'Content-Type': 'text/calendar; charset=utf-8' });
});
