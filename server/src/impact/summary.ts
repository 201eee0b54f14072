import type { LedgerSummary } from '../../../lib/impact/types';
import type { Queryable } from '../db/database';
import { aggregateLedger, monthEnd, monthStart, type LedgerRow } from './aggregate';

/** The community's k: its own setting, never below the floor the migration enforces (5). */
export async function ledgerK(db: Queryable, communityId: string): Promise<number> {
  const { rows } = await db.query<{ k: number }>('SELECT impact_min_people AS k FROM communities WHERE id = $1', [
    communityId,
  ]);
  return Math.max(5, Number(rows[0]?.k ?? 5));
}

/**
 * What a facilitator may read of the ledger between `from` and `to` (ms), widened to whole UTC months: the
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
  const start = monthStart(from);
  const end = monthEnd(to);
  const k = await ledgerK(db, communityId);
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
    { communityId, from: start, to: end, k },
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
