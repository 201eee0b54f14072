import { Hono } from 'hono';
import { requireMember, requireRole } from '../http/auth';
import { ApiHttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { readJson } from '../http/validate';
import { listOutbox } from '../rituals/outbox';
import { postNow, RitualPostNowSchema } from '../rituals/post-now';
import { deleteWebhook, putWebhook, webhookInfo, WebhookPutSchema } from '../rituals/webhooks';

/**
 * The community's incoming webhook for ritual posts (set by admins; facilitators may see whether there is one,
 * post a previewed ritual through it and follow its deliveries). The address is a secret: it is written here and
 * read only by the sender; every answer says whether there is one, never what it is.
 */
export const webhook = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    return c.json(await webhookInfo(c.var.services.db, c.var.auth.communityId));
  })
  .put('/', async (c) => {
    requireRole(c.var.auth, 'admin');
    const body = await readJson(c, WebhookPutSchema);
    const { db, now } = c.var.services;
    await putWebhook(db, c.var.auth.communityId, body, now());
    return c.json(await webhookInfo(db, c.var.auth.communityId));
  })
  .delete('/', async (c) => {
    requireRole(c.var.auth, 'admin');
    await deleteWebhook(c.var.services.db, c.var.auth.communityId);
    return c.body(null, 204);
  })
  .post('/posts', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    const post = await readJson(c, RitualPostNowSchema);
    const { db, now } = c.var.services;
    const info = await webhookInfo(db, c.var.auth.communityId);
    if (!info.isConfigured || !info.platform)
      throw new ApiHttpError(409, 'conflict', 'The community has no webhook: an admin sets one in Options');
    return c.json(await postNow(db, { communityId: c.var.auth.communityId, platform: info.platform, post, now }));
  })
  .get('/deliveries', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    const rows = await listOutbox(c.var.services.db, c.var.auth.communityId);
    return c.json(
      rows.map((r) => ({ deliveryKey: r.deliveryKey, state: r.state, attempts: r.attempts, lastError: r.lastError })),
    );
  });
