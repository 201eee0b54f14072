import { impactLedgerRepository } from '../db/impact-ledger';
import type { CommonplaceDb } from '../db/schema';
import { syncState } from '../db/sync-state';
import { ImpactEntrySchema, LedgerSummarySchema, ReportConsentSchema, type ReportConsent } from '../impact/schema';
import type { LedgerSummary } from '../impact/types';
import type { Result } from '../model';
import { call, describeCallError, type CallError, type Fetcher } from './transport';

/** What one flush did: sent, set aside (refused for good), still waiting (offline, endpoint down, paused). */
export interface ImpactFlush {
  delivered: number;
  setAside: number;
  waiting: number;
}

/** A refusal that a resend cannot change (a 4xx other than 401, 408 and 429): the answer is set aside. */
const isFinal = (e: CallError) =>
  e.kind === 'http' &&
  e.status !== undefined &&
  e.status >= 400 &&
  e.status < 500 &&
  ![401, 408, 429].includes(e.status);

/**
 * The impact ledger's client: answers queued in this browser (lib/db/impact-ledger) go to their community's
 * endpoint, each under its own id, so a resend after a lost response is harmless (the endpoint answers 200 with
 * the stored entry). Offline, an endpoint that is down, or a paused community: the answer waits for the next
 * flush. A refusal is set aside with its reason, never dropped.
 */
export function impactLedger(db: CommonplaceDb, fetcher: Fetcher) {
  const repo = impactLedgerRepository(db);
  const state = syncState(db);
  const access = async (communityId: string) => {
    const m = await state.membership(communityId);
    return m?.isEnabled ? { endpoint: m.endpoint, token: m.token } : null;
  };
  return {
    async flush(now: number): Promise<ImpactFlush> {
      const queue = await repo.queued();
      const delivered: string[] = [];
      const refused: { id: string; reason: string }[] = [];
      const failed: { id: string; error: string }[] = [];
      for (const q of queue) {
        const a = await access(q.communityId);
        if (!a) continue;
        const res = await call(
          fetcher,
          a.endpoint,
          (api) => api.v1.community.impact.entries.$post({ json: q.entry }),
          ImpactEntrySchema,
          { token: a.token, now },
        );
        if (res.ok) delivered.push(q.entry.id);
        else if (isFinal(res.error)) refused.push({ id: q.entry.id, reason: describeCallError(res.error) });
        else failed.push({ id: q.entry.id, error: describeCallError(res.error) });
      }
      if (delivered.length || refused.length || failed.length) await repo.settle({ delivered, refused, failed }, now);
      return {
        delivered: delivered.length,
        setAside: refused.length,
        waiting: queue.length - delivered.length - refused.length,
      };
    },
    async consent(communityId: string, now: number): Promise<Result<ReportConsent, CallError>> {
      const a = await access(communityId);
      if (!a) return { ok: false, error: { kind: 'invalid', message: 'Sync is paused for this community' } };
      return call(fetcher, a.endpoint, (api) => api.v1.community.me['report-consent'].$get(), ReportConsentSchema, {
        token: a.token,
        now,
      });
    },
    async setConsent(communityId: string, isNamed: boolean, now: number): Promise<Result<ReportConsent, CallError>> {
      const a = await access(communityId);
      if (!a) return { ok: false, error: { kind: 'invalid', message: 'Sync is paused for this community' } };
      return call(
        fetcher,
        a.endpoint,
        (api) => api.v1.community.me['report-consent'].$put({ json: { isNamed } }),
        ReportConsentSchema,
        { token: a.token, now },
      );
    },
    /** The ledger summary a facilitator reads (the endpoint refuses members: 403). */
    async summary(
      communityId: string,
      from: string,
      to: string,
      now: number,
    ): Promise<Result<LedgerSummary, CallError>> {
      const a = await access(communityId);
      if (!a) return { ok: false, error: { kind: 'invalid', message: 'Sync is paused for this community' } };
      return call(
        fetcher,
        a.endpoint,
        (api) => api.v1.community.impact.summary.$get({ query: { from, to } }),
        LedgerSummarySchema,
        { token: a.token, now },
      );
    },
  };
}
