import { Hono } from 'hono';
import {
  ImpactEntryInputSchema,
  ImpactSettingsSchema,
  LedgerSummaryQuerySchema,
  MAX_SUMMARY_MONTHS,
  ReportConsentInputSchema,
  WeeklySummaryInputSchema,
  type WeeklySummarySetting,
} from '../../../lib/impact/schema';
import { monthCount } from '../../../lib/impact/months';
import { requireMember, requireRole } from '../http/auth';
import { ApiHttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { readJson, readQuery } from '../http/validate';
import { entriesOf, recordEntry, reportConsent, setReportConsent } from '../impact/entries';
import { ledgerSettings, ledgerSummary } from '../impact/summary';
import { setWeeklyAddress, weeklyAddress } from '../impact/weekly-recipients';

/** A client's clock may run a little ahead of ours; an answer from further in the future is refused. */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;

/**
 * The impact ledger (issue 17). Members post what an opened note saved them and read back only their own
 * answers; facilitators and admins read aggregates in which no group counts fewer than the community's k
 * people (server/src/impact/aggregate.ts says how differencing is ruled out).
 */
export const impact = new Hono<AppEnv>()
  .use(requireMember)
  .post('/entries', async (c) => {
    const input = await readJson(c, ImpactEntryInputSchema);
    const { db, now } = c.var.services;
    const at = now();
    if (Date.parse(input.answeredAt) > at + MAX_CLOCK_SKEW_MS) {
      throw new ApiHttpError(400, 'bad_request', 'Invalid request: answeredAt: must not be in the future');
    }
    const done = await recordEntry(db, c.var.auth.communityId, c.var.auth.memberId, input, at);
    if (done.status === 'conflict') throw new ApiHttpError(409, 'conflict', done.reason);
    return c.json(done.entry, done.status === 'created' ? 201 : 200);
  })
  .get('/entries/mine', async (c) =>
    c.json({ entries: await entriesOf(c.var.services.db, c.var.auth.communityId, c.var.auth.memberId) }),
  )
  .get('/summary', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    const q = readQuery(c, LedgerSummaryQuerySchema);
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (!(from < to)) throw new ApiHttpError(400, 'bad_request', 'Invalid request: to: must be after from');
    const { db } = c.var.services;
    const { timeZone } = await ledgerSettings(db, c.var.auth.communityId);
    if (monthCount(from, to, timeZone) > MAX_SUMMARY_MONTHS) {
      throw new ApiHttpError(
        400,
        'bad_request',
        `Invalid request: a summary covers at most ${MAX_SUMMARY_MONTHS} months`,
      );
    }
    return c.json(await ledgerSummary(db, c.var.auth.communityId, from, to));
  })
  .get('/settings', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    return c.json(await ledgerSettings(c.var.services.db, c.var.auth.communityId));
  })
  // Only an admin moves the months' edges: the zone is the community's, never the reader's (aggregate.ts says why).
  .put('/settings', async (c) => {
    requireRole(c.var.auth, 'admin');
    const { k, timeZone } = await readJson(c, ImpactSettingsSchema);
    const { db } = c.var.services;
    await db.query(
      'UPDATE communities SET impact_min_people = $2, impact_time_zone = COALESCE($3, impact_time_zone) WHERE id = $1',
      [c.var.auth.communityId, k, timeZone ?? null],
    );
    return c.json(await ledgerSettings(db, c.var.auth.communityId));
  });

/** "Name me in impact reports": the member's own switch, with when it last changed. */
export const reportConsentRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', async (c) => c.json(await reportConsent(c.var.services.db, c.var.auth.memberId)))
  .put('/', async (c) => {
    const { isNamed } = await readJson(c, ReportConsentInputSchema);
    const { db, now } = c.var.services;
    return c.json(await setReportConsent(db, c.var.auth.memberId, isNamed, now()));
  });

const NO_MAIL =
  'This endpoint has no mail settings (SMTP_URL and MAIL_FROM): your address is kept, but no summary is sent until its operator sets them.';

/**
 * The weekly facilitator summary by e-mail: the caller's own address (opt-in, off by default). Facilitators and
 * admins only; nobody reads another member's address. The answer says when this endpoint cannot send mail.
 */
export const weeklySummaryRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .use(async (c, next) => {
    if (c.var.auth.role === 'member') {
      throw new ApiHttpError(403, 'forbidden', 'Only facilitators and admins receive the weekly summary by e-mail');
    }
    await next();
  })
  .get('/', async (c) => {
    const { db, smtp } = c.var.services;
    return c.json(setting(await weeklyAddress(db, c.var.auth.memberId), smtp !== undefined));
  })
  .put('/', async (c) => {
    const { email } = await readJson(c, WeeklySummaryInputSchema);
    const { db, now, smtp } = c.var.services;
    await setWeeklyAddress(db, {
      memberId: c.var.auth.memberId,
      communityId: c.var.auth.communityId,
      email,
      at: now(),
    });
    return c.json(setting(email, smtp !== undefined));
  });

const setting = (email: string | null, isMailConfigured: boolean): WeeklySummarySetting => ({
  email,
  isMailConfigured,
  notice: isMailConfigured ? null : NO_MAIL,
});
