import { z } from 'zod';
import { parseDay } from '../../../lib/digest/time';
import type { Database } from '../db/database';
import { deliverDue } from './deliver';
import { enqueue, listOutbox } from './outbox';
import { deliveryKey } from './schedule';
import type { WebhookPlatform } from './webhooks';

/** A previewed (and perhaps edited) ritual post to send now: which occurrence, and the text to post. */
export const RitualPostNowSchema = z.strictObject({
  ritualId: z.string().min(1).max(64),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => parseDay(d) !== null, 'must be a real date (YYYY-MM-DD)'),
  text: z.string().trim().min(1).max(40_000),
});
export type RitualPostNow = z.infer<typeof RitualPostNowSchema>;

/**
 * The edited text as each app's incoming webhook takes it. For Slack and Teams the composer's text is the
 * rendered payload itself (Block Kit, an Adaptive Card message), sent as it stands when it reads as a JSON object;
 * plain text goes as Slack and Mattermost `text`, Discord `content` (at most 2000 characters), or a Teams
 * Adaptive Card of one wrapping TextBlock.
 */
export function textPayload(platform: WebhookPlatform, text: string): unknown {
  if (platform === 'slack' || platform === 'teams') {
    const payload = jsonObject(text);
    if (payload) return payload;
  }
  switch (platform) {
    case 'slack':
    case 'mattermost':
      return { text };
    case 'discord':
      return { content: text.length > 2000 ? `${text.slice(0, 1999)}…` : text };
    case 'teams':
      return {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content: {
              type: 'AdaptiveCard',
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              version: '1.4',
              body: [{ type: 'TextBlock', text, wrap: true }],
            },
          },
        ],
      };
  }
}

function jsonObject(text: string): Record<string, unknown> | null {
  if (!text.startsWith('{')) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export interface PostNowResult {
  deliveryKey: string;
  /** false: this occurrence was already in the outbox (posted, or posting); nothing new was sent. */
  isNew: boolean;
  state: string;
  attempts: number;
  lastError: string | null;
}

/**
 * Puts the text in the outbox under the occurrence's own delivery key (the one the schedule uses), so a ritual
 * day is posted at most once whether by hand, twice by hand, or by the clock; then sends what is due.
 */
export async function postNow(
  db: Database,
  p: { communityId: string; platform: WebhookPlatform; post: RitualPostNow; now: () => number },
): Promise<PostNowResult> {
  const key = deliveryKey(p.communityId, p.post.ritualId, p.post.day);
  const isNew = await enqueue(db, {
    deliveryKey: key,
    communityId: p.communityId,
    payload: textPayload(p.platform, p.post.text),
    at: p.now(),
  });
  if (isNew) await deliverDue(db, { now: p.now, limit: 5 });
  const row = (await listOutbox(db, p.communityId)).find((r) => r.deliveryKey === key);
  return {
    deliveryKey: key,
    isNew,
    state: row?.state ?? 'pending',
    attempts: row?.attempts ?? 0,
    lastError: row?.lastError ?? null,
  };
}
