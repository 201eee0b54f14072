import type { LedgerSummary } from '../../../lib/impact/types';
import { previousIsoWeek, renderWeeklyMail, type IsoWeek, type WeekQuestions } from '../../../lib/impact/weekly-mail';
import type { Database } from '../db/database';
import { classifySmtp } from '../mail/classify';
import { DEFAULT_POLICY, type DeliveryPolicy } from '../rituals/deliver';
import { sendMail, type SmtpSettings } from '../rituals/email';
import { claimDue, enqueue, settle } from '../rituals/outbox';
import { ledgerSettings, ledgerSummary } from './summary';
import { weekQuestions } from './weekly-questions';
import { weeklyRecipients } from './weekly-recipients';

/** What an outbox row of the weekly summary holds: the figures as they were when it was put there. */
interface WeeklyPayload {
  kind: 'weekly-summary';
  memberId: string;
  communityName: string;
  week: IsoWeek;
  ledger: LedgerSummary;
  questions: WeekQuestions;
}

/** A row put in the outbox before weeks and months had a zone (migration 017) was cut in UTC: it says so. */
function withZones(p: WeeklyPayload): WeeklyPayload {
  const week = { ...p.week, timeZone: p.week.timeZone ?? 'UTC' };
  return { ...p, week, ledger: { ...p.ledger, timeZone: p.ledger.timeZone ?? 'UTC' } };
}

/** One row per (community, ISO week, facilitator): enqueueing it again, from any process, changes nothing. */
export const weeklyKey = (communityId: string, week: string, memberId: string) =>
  `weekly:${communityId}:${week}:${memberId}`;

/**
 * From Monday 00:00 in each community's ledger zone (its `impact_time_zone`), puts that community's last ISO week
 * (local days, so DST weeks are seven days, not 168 hours) in the outbox for every opted-in facilitator or admin.
 * Any later tick of the same week (after a restart, on another process) finds the rows there and adds nothing.
 * An admin who moves the zone mid-week shifts the week's edges by hours: the same week's key is never sent twice.
 * Resolves to the number of rows added.
 */
export async function enqueueWeeklySummaries(db: Database, now: number): Promise<number> {
  let added = 0;
  const figures = new Map<string, Omit<WeeklyPayload, 'kind' | 'memberId'>>();
  const weeks = new Map<string, IsoWeek>();
  for (const r of await weeklyRecipients(db)) {
    let week = weeks.get(r.communityId);
    if (!week) {
      week = previousIsoWeek(now, (await ledgerSettings(db, r.communityId)).timeZone);
      weeks.set(r.communityId, week);
    }
    const key = weeklyKey(r.communityId, week.key, r.memberId);
    const { rows } = await db.query('SELECT 1 FROM ritual_outbox WHERE delivery_key = $1', [key]);
    if (rows.length) continue;
    let f = figures.get(r.communityId);
    if (!f) {
      const name = await db.query<{ name: string }>('SELECT name FROM communities WHERE id = $1', [r.communityId]);
      f = {
        communityName: name.rows[0]?.name ?? '',
        week,
        ledger: await ledgerSummary(db, r.communityId, week.start, week.end),
        questions: await weekQuestions(db, r.communityId, week.start, week.end),
      };
      figures.set(r.communityId, f);
    }
    const payload: WeeklyPayload = { kind: 'weekly-summary', memberId: r.memberId, ...f };
    if (await enqueue(db, { deliveryKey: key, communityId: r.communityId, payload, at: now, channel: 'email' })) {
      added++;
    }
  }
  return added;
}

/**
 * Sends every weekly summary that is due, one at a time, each claimed first (two processes never send one row)
 * and settled by classifySmtp. The address is read at send time: someone who left, was demoted or removed
 * their address since gets nothing. Resolves to the number of rows handled.
 */
export async function sendDueWeekly(
  db: Database,
  o: { now: () => number; smtp: SmtpSettings; policy?: DeliveryPolicy; limit?: number },
): Promise<number> {
  const p = o.policy ?? DEFAULT_POLICY;
  let handled = 0;
  for (; handled < (o.limit ?? 100); handled++) {
    const row = await claimDue(db, o.now(), p.leaseMs, 'email');
    if (!row) break;
    const payload = withZones(row.payload as WeeklyPayload);
    const to = (await weeklyRecipients(db, row.communityId)).find((r) => r.memberId === payload.memberId);
    if (!to) {
      await settle(db, row.deliveryKey, {
        state: 'failed',
        at: o.now(),
        error: 'no longer a facilitator with an address for the weekly summary',
      });
      continue;
    }
    let error: unknown = null;
    try {
      await sendMail(o.smtp, [to.email], renderWeeklyMail(payload));
    } catch (e) {
      error = e;
    }
    await settle(db, row.deliveryKey, { ...classifySmtp(error, row.attempts, o.now(), p), at: o.now() });
  }
  return handled;
}
