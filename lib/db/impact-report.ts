import type { ReportInput } from '../impact/figures';
import { quarterOf } from '../impact/quarter';
import type { LedgerSummary } from '../impact/types';
import { eventsRepository } from './events';
import type { CommonplaceDb } from './schema';
import { syncState, type Membership } from './sync-state';

/** Roles that may read the ledger's aggregates, and so the report. */
export const REPORT_ROLES: ReadonlySet<Membership['role']> = new Set(['facilitator', 'admin']);

/** The communities this browser may make a report for: those it joined as a facilitator or an admin. */
export async function reportCommunities(db: CommonplaceDb): Promise<Membership[]> {
  return (await syncState(db).memberships()).filter((m) => REPORT_ROLES.has(m.role));
}

/**
 * What the report of one community is computed from, as this browser holds it: the community's notes (all of
 * them: first-time contributors need the past), its question events and the quarter's digest events. The ledger's
 * summary is the endpoint's and is passed in.
 */
export async function reportInput(
  db: CommonplaceDb,
  m: Pick<Membership, 'communityId' | 'communityName'>,
  summary: { value: LedgerSummary } | { problem: string },
  now: number,
  timeZone: string,
): Promise<ReportInput> {
  const [notes, questionEvents, events] = await Promise.all([
    db.notes.where('communityId').equals(m.communityId).toArray(),
    db.questionEvents.where('communityId').equals(m.communityId).toArray(),
    eventsRepository(db).since(quarterOf(now, timeZone).from),
  ]);
  return {
    communityId: m.communityId,
    communityName: m.communityName,
    notes,
    questionEvents,
    events,
    summary: 'value' in summary ? summary.value : null,
    ...('problem' in summary ? { summaryProblem: summary.problem } : {}),
    now,
    timeZone,
  };
}
