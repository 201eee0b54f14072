import { DEFAULT_RITUALS } from '../../../lib/digest/rituals';
import { RitualSchema } from '../../../lib/digest/ritual-schema';
import { localDay, dayString } from '../../../lib/digest/time';
import type { DigestThank, Ritual } from '../../../lib/digest/types';
import type { Note } from '../../../lib/model';
import { composeRitualPost } from '../../../lib/rituals';
import { renderDiscord, renderMarkdown, renderSlack, renderTeams } from '../../../lib/rituals/render';
import type { Database } from '../db/database';
import { enqueue } from './outbox';
import type { WebhookPlatform } from './webhooks';

/** A ritual's post goes out from this local hour of its day on. */
export const POST_HOUR = 9;

const PAYLOAD: Record<WebhookPlatform, (p: Parameters<typeof renderSlack>[0]) => unknown> = {
  slack: renderSlack,
  teams: renderTeams,
  discord: renderDiscord,
  mattermost: (p) => ({ text: renderMarkdown(p, 'mattermost') }),
};

/** The key a ritual occurrence is posted under: one post per community, ritual and day, ever. */
export const deliveryKey = (communityId: string, ritualId: string, day: string) => `${communityId}:${ritualId}:${day}`;

/**
 * Puts in the outbox the post of every ritual whose day it is (from POST_HOUR local time) in each community with
 * a webhook, composed from the community's notes on this server. Running it again, or from two processes, adds
 * nothing: the delivery key is unique. Resolves to the keys it added.
 */
export async function enqueueDuePosts(db: Database, now: number): Promise<string[]> {
  const { rows: hooks } = await db.query<{
    community_id: string;
    platform: WebhookPlatform;
    time_zone: string;
    rituals: unknown;
  }>('SELECT community_id, platform, time_zone, rituals FROM community_webhooks');
  const added: string[] = [];
  for (const h of hooks) {
    const zone = h.time_zone;
    const today = dayString(localDay(now, zone));
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(now),
    );
    if (hour < POST_HOUR) continue;
    const rituals = parseRituals(h.rituals);
    let notes: Note[] | null = null;
    const thanks: DigestThank[] = [];
    for (const ritual of rituals) {
      const key = deliveryKey(h.community_id, ritual.id, today);
      notes ??= await communityNotes(db, h.community_id);
      const post = composeRitualPost({
        ritual,
        communityId: h.community_id,
        notes,
        events: [],
        thanks,
        now,
        timeZone: zone,
      });
      if (!post || post.day !== today) continue;
      if (
        await enqueue(db, {
          deliveryKey: key,
          communityId: h.community_id,
          payload: PAYLOAD[h.platform](post),
          at: now,
        })
      ) {
        added.push(key);
      }
    }
  }
  return added;
}

function parseRituals(v: unknown): readonly Ritual[] {
  const list = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  const parsed = RitualSchema.array().safeParse(list);
  return parsed.success ? parsed.data : DEFAULT_RITUALS;
}

/** The community's live notes as the composer reads them: the stored body with its author and community. */
async function communityNotes(db: Database, communityId: string): Promise<Note[]> {
  const { rows } = await db.query<{ body: unknown; author_id: string; display_name: string }>(
    `SELECT n.body, n.author_id, m.display_name FROM notes n JOIN members m ON m.id = n.author_id
     WHERE n.community_id = $1 AND n.body IS NOT NULL AND n.deleted_at IS NULL`,
    [communityId],
  );
  return rows.map((r) => {
    const body = (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as Note;
    return { ...body, communityId, author: { id: r.author_id, name: r.display_name } };
  });
}
