import { z } from 'zod';
import { RitualSchema } from '../../../lib/digest/ritual-schema';
import { TimeZoneSchema } from '../../../lib/sync/protocol';
import type { Queryable } from '../db/database';

export const WEBHOOK_PLATFORMS = ['slack', 'teams', 'discord', 'mattermost'] as const;
export type WebhookPlatform = (typeof WEBHOOK_PLATFORMS)[number];

const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '[::1]';

/** An incoming-webhook address: https, or plain http to this machine only (a self-hosted chat on loopback). */
export const WebhookUrlSchema = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (
        (u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.hostname))) && !u.username && !u.password
      );
    } catch {
      return false;
    }
  }, 'must be an https address (http only to this machine), without a user name or password');

export const WebhookPutSchema = z.strictObject({
  platform: z.enum(WEBHOOK_PLATFORMS),
  url: WebhookUrlSchema,
  timeZone: TimeZoneSchema,
  rituals: z.array(RitualSchema).max(20).optional(),
});
export type WebhookPut = z.infer<typeof WebhookPutSchema>;

/** What the API says about a webhook: that there is one, for which app; never its address. */
export interface WebhookInfo {
  isConfigured: boolean;
  platform?: WebhookPlatform;
  timeZone?: string;
  updatedAt?: number;
}

export async function putWebhook(db: Queryable, communityId: string, w: WebhookPut, at: number): Promise<void> {
  await db.query(
    `INSERT INTO community_webhooks (community_id, platform, url, time_zone, rituals, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (community_id) DO UPDATE SET platform = $2, url = $3, time_zone = $4, rituals = $5, updated_at = $6`,
    [communityId, w.platform, w.url, w.timeZone, w.rituals ? JSON.stringify(w.rituals) : null, at],
  );
}

export async function webhookInfo(db: Queryable, communityId: string): Promise<WebhookInfo> {
  const { rows } = await db.query<{ platform: WebhookPlatform; time_zone: string; updated_at: unknown }>(
    'SELECT platform, time_zone, updated_at FROM community_webhooks WHERE community_id = $1',
    [communityId],
  );
  const r = rows[0];
  return r
    ? { isConfigured: true, platform: r.platform, timeZone: r.time_zone, updatedAt: Number(r.updated_at) }
    : { isConfigured: false };
}

export async function deleteWebhook(db: Queryable, communityId: string): Promise<void> {
  await db.query('DELETE FROM community_webhooks WHERE community_id = $1', [communityId]);
}

/** The secret address, for the sender alone: no route returns it and nothing logs it. */
export async function webhookTarget(db: Queryable, communityId: string): Promise<string | null> {
  const { rows } = await db.query<{ url: string }>('SELECT url FROM community_webhooks WHERE community_id = $1', [
    communityId,
  ]);
  return rows[0]?.url ?? null;
}
