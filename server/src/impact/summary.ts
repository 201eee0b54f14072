import type { LedgerSummary } from '../../../lib/impact/types';
import type { Queryable } from '../db/database';
import type { ImpactSettings } from '../../../lib/impact/schema';
import { monthEnd, monthStart } from '../../../lib/impact/months';
import { aggregateLedger, type LedgerRow } from './aggregate';

/**
 * The community's ledger settings: its k, never below the floor the migration enforces (5), and the IANA zone its
 * months are cut in (only an admin sets it; migration 017).
 */
export async function ledgerSettings(db: Queryable, communityId: string): Promise<ImpactSettings> {
  const { rows } = await db.query<{ k: number; time_zone: string }>(
    'SELECT impact_min_people AS k, impact_time_zone AS time_zone FROM communities WHERE id = $1',
    [communityId],
  );
  return { k: Math.max(5, Number(rows[0]?.k ?? 5)), timeZone: rows[0]?.time_zone ?? 'UTC' };
}

/**
 * What a facilitator may read of the ledger between `from` and `to` (ms), widened to whole local months in the
 * community's zone (it comes with the summary as `timeZone`): the
 * aggregates of aggregateLedger (no group below k people), outcomes only about notes the community still holds,
 * and the names of members who consent now and answered in the period. No member id leaves except in `named`.
 * The route and the weekly e-mail both call this, so both show the same figures.
 */
export async function ledgerSummary(
  db: Queryable,
  communityId: string,
  from: number,
  to: number,
): Promise<LedgerSummary> {
  const { k, timeZone } = await ledgerSettings(db, communityId);
  const start = monthStart(from, timeZone);
  const end = monthEnd(to, timeZone);
  const { rows } = await db.query<{
    member_id: string;
    source: LedgerRow['source'];
    received_at: string | number;
    minutes_saved: number | null;
    outcome: LedgerRow['outcome'];
    note_id: string;
    outcome_note_id: string | null;
  }>(
    `SELECT e.member_id, e.source, e.received_at, e.minutes_saved, e.outcome,
            e.note_id, CASE WHEN o.id IS NULL THEN NULL ELSE e.outcome_note_id END AS outcome_note_id
       FROM impact_entries e
       LEFT JOIN notes o ON o.community_id = e.community_id AND o.id = e.outcome_note_id AND o.deleted_at IS NULL
      WHERE e.community_id = $1 AND e.received_at >= $2 AND e.received_at < $3`,
    [communityId, start, end],
  );
  const summary = aggregateLedger(
    rows.map((r) => ({
      memberId: r.member_id,
      source: r.source,
      receivedAt: Number(r.received_at),
      minutesSaved: r.minutes_saved,
      outcome: r.outcome,
      noteId: r.note_id,
      outcomeNoteId: r.outcome_note_id,
    })),
    { communityId, from: start, to: end, k, timeZone },
  );
  // Outcomes name community notes only: a personal note's id means nothing to a facilitator.
  const live = new Set(
    summary.outcomes.length
      ? (
          await db.query<{ id: string }>(
            'SELECT id FROM notes WHERE community_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL',
            [communityId, summary.outcomes.map((o) => o.noteId)],
          )
        ).rows.map((r) => r.id)
      : [],
  );
  const named = await db.query<{ id: string; display_name: string }>(
    `SELECT m.id, m.display_name FROM members m
      WHERE m.community_id = $1 AND m.report_name_consent AND m.removed_at IS NULL
        AND EXISTS (SELECT 1 FROM impact_entries e WHERE e.community_id = $1 AND e.member_id = m.id
                       AND e.received_at >= $2 AND e.received_at < $3)
      ORDER BY m.display_name, m.id`,
    [communityId, start, end],
  );
  return {
    ...summary,
    outcomes: summary.outcomes.filter((o) => live.has(o.noteId)),
    named: named.rows.map((r) => ({ memberId: r.id, displayName: r.display_name })),
  };
}
