import { z } from 'zod';
import type { CommonplaceDb } from '../db/schema';
import { syncState } from '../db/sync-state';
import { err, ok, type Result } from '../model';
import {
  RitualPostedSchema,
  WebhookDeliverySchema,
  WebhookInfoSchema,
  type RitualPosted,
  type WebhookDelivery,
  type WebhookInfoView,
  type WEBHOOK_PLATFORMS,
} from './protocol';
import { call, describeCallError, type Fetcher } from './transport';

export type WebhookPlatform = (typeof WEBHOOK_PLATFORMS)[number];

/** A delivery's state in the words the composer shows. */
export function describeDelivery(d: Pick<WebhookDelivery, 'state' | 'lastError'>): string {
  switch (d.state) {
    case 'delivered':
      return 'Posted.';
    case 'pending':
      return `Retrying: ${d.lastError ?? 'waiting to be sent'}.`;
    case 'sending':
      return 'Posting…';
    case 'unconfirmed':
      return 'Unconfirmed: the app did not answer, so it may have been posted; it will not be sent again.';
    case 'failed':
      return `Failed: ${d.lastError ?? 'the app refused it'}.`;
  }
}

/**
 * A community's ritual webhook as the options page and the new tab's composer use it: whether there is one
 * (never its address: the endpoint does not return it), set or replace it, remove it (admins); post a previewed
 * ritual through it and follow the delivery (facilitators and admins). Failures are values, in words.
 */
export function ritualWebhooks(db: CommonplaceDb, fetcher: Fetcher, now: () => number = Date.now) {
  const state = syncState(db);
  const notMember = 'This browser is not a member of that community.';
  async function access(communityId: string) {
    const m = await state.membership(communityId);
    return m ? { endpoint: m.endpoint, token: m.token, role: m.role ?? 'member' } : null;
  }
  const opts = (a: { token: string }) => ({ token: a.token, now: now() });

  return {
    /** null: this member's role does not reach the webhook (nothing is asked of the endpoint). */
    async load(communityId: string, need: 'admin' | 'facilitator'): Promise<Result<WebhookInfoView | null>> {
      const a = await access(communityId);
      if (!a) return err(notMember);
      if (a.role === 'member' || (need === 'admin' && a.role !== 'admin')) return ok(null);
      const res = await call(fetcher, a.endpoint, (api) => api.v1.community.webhook.$get(), WebhookInfoSchema, opts(a));
      if (!res.ok && res.error.kind === 'http' && res.error.status === 403) return ok(null);
      return res.ok ? ok(res.value) : err(`Webhook unavailable: ${describeCallError(res.error)}`);
    },
    async set(
      communityId: string,
      body: { platform: WebhookPlatform; url: string; timeZone: string },
    ): Promise<Result<WebhookInfoView>> {
      const a = await access(communityId);
      if (!a) return err(notMember);
      const res = await call(
        fetcher,
        a.endpoint,
        (api) => api.v1.community.webhook.$put({ json: body }),
        WebhookInfoSchema,
        opts(a),
      );
      return res.ok ? ok(res.value) : err(`Webhook not saved: ${describeCallError(res.error)}`);
    },
    async remove(communityId: string): Promise<Result<void>> {
      const a = await access(communityId);
      if (!a) return err(notMember);
      const res = await call(fetcher, a.endpoint, (api) => api.v1.community.webhook.$delete(), null, opts(a));
      return res.ok ? ok(undefined) : err(`Webhook not removed: ${describeCallError(res.error)}`);
    },
    async post(
      communityId: string,
      body: { ritualId: string; day: string; text: string },
    ): Promise<Result<RitualPosted>> {
      const a = await access(communityId);
      if (!a) return err(notMember);
      const res = await call(
        fetcher,
        a.endpoint,
        (api) => api.v1.community.webhook.posts.$post({ json: body }),
        RitualPostedSchema,
        opts(a),
      );
      return res.ok ? ok(res.value) : err(`Not posted: ${describeCallError(res.error)}`);
    },
    /** The delivery of one occurrence, from the deliveries route (null: not in the outbox). */
    async delivery(communityId: string, deliveryKey: string): Promise<Result<WebhookDelivery | null>> {
      const a = await access(communityId);
      if (!a) return err(notMember);
      const res = await call(
        fetcher,
        a.endpoint,
        (api) => api.v1.community.webhook.deliveries.$get(),
        z.array(WebhookDeliverySchema),
        opts(a),
      );
      if (!res.ok) return err(`Delivery unknown: ${describeCallError(res.error)}`);
      return ok(res.value.find((d) => d.deliveryKey === deliveryKey) ?? null);
    },
  };
}
export type RitualWebhooks = ReturnType<typeof ritualWebhooks>;
