import { randomBytes } from 'node:crypto';
import { RitualSchema } from '../../../lib/digest/ritual-schema';
import type { Ritual } from '../../../lib/digest/types';
import type { CalendarFeedInfo, CalendarFeedSchedule } from '../../../lib/sync/protocol';
import { sha256Hex } from '../crypto';
import type { Queryable } from '../db/database';

/** 256-bit feed secrets: the address is the credential (calendar apps send no header), so it must be unguessable. */
export const newFeedToken = (): string => `cal_${randomBytes(32).toString('base64url')}`;
/** What a feed address's last segment must look like before anything is looked up. */
export const FEED_FILE = /^(cal_[A-Za-z0-9_-]{43})\.ics$/;

/** The secret address of a token, as https (any app) and webcal (apps that subscribe on a click). */
export function feedUrls(publicUrl: string, token: string): { url: string; webcalUrl: string } {
  const url = `${publicUrl.replace(/\/+$/, '')}/v1/calendar/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://') };
}

/**
 * Gives the member a new secret address with this schedule; any earlier address stops working in the same
 * statement (rotation). Resolves to the token, which is never stored: only its hash is.
 */
export async function issueFeed(
  db: Queryable,
  who: { memberId: string; communityId: string },
  schedule: CalendarFeedSchedule,
  at: number,
): Promise<string> {
  const token = newFeedToken();
  await db.query(
    `INSERT INTO calendar_feeds (member_id, community_id, token_hash, time_zone, rituals, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (member_id) DO UPDATE SET token_hash = $3, time_zone = $4, rituals = $5, created_at = $6, updated_at = $6`,
    [who.memberId, who.communityId, sha256Hex(token), schedule.timeZone, JSON.stringify(schedule.rituals), at],
  );
  return token;
}

/** Replaces the schedule of the member's feed, same address; false when they have none. */
export async function updateFeedSchedule(
  db: Queryable,
  memberId: string,
  schedule: CalendarFeedSchedule,
  at: number,
): Promise<boolean> {
  const { rows } = await db.query(
    'UPDATE calendar_feeds SET time_zone = $2, rituals = $3, updated_at = $4 WHERE member_id = $1 RETURNING member_id',
    [memberId, schedule.timeZone, JSON.stringify(schedule.rituals), at],
  );
  return rows.length > 0;
}

export async function revokeFeed(db: Queryable, memberId: string): Promise<void> {
  await db.query('DELETE FROM calendar_feeds WHERE member_id = $1', [memberId]);
}

export async function feedInfo(db: Queryable, memberId: string): Promise<CalendarFeedInfo> {
  const { rows } = await db.query<{ time_zone: string; rituals: unknown; created_at: unknown; updated_at: unknown }>(
    'SELECT time_zone, rituals, created_at, updated_at FROM calendar_feeds WHERE member_id = $1',
    [memberId],
  );
  const r = rows[0];
  if (!r) return { isActive: false };
  return {
    isActive: true,
    timeZone: r.time_zone,
    rituals: parseRituals(r.rituals).length,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** What a feed address shows, if it is live and its member still belongs to the community. */
export interface FeedContent {
  communityId: string;
  communityName: string;
  timeZone: string;
  rituals: Ritual[];
  updatedAt: number;
}

export async function feedByToken(db: Queryable, token: string): Promise<FeedContent | null> {
  const { rows } = await db.query<{
    community_id: string;
    name: string;
    time_zone: string;
    rituals: unknown;
    updated_at: unknown;
  }>(
    `SELECT f.community_id, c.name, f.time_zone, f.rituals, f.updated_at
       FROM calendar_feeds f JOIN members m ON m.id = f.member_id JOIN communities c ON c.id = f.community_id
      WHERE f.token_hash = $1 AND m.removed_at IS NULL`,
    [sha256Hex(token)],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    communityId: r.community_id,
    communityName: r.name,
    timeZone: r.time_zone,
    rituals: parseRituals(r.rituals),
    updatedAt: Number(r.updated_at),
  };
}

/** Stored rituals, well-formed ones only (they were validated on the way in; a hand-edited row must not throw). */
function parseRituals(v: unknown): Ritual[] {
  const list = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const parsed = RitualSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
