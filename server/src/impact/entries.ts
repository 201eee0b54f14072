import type { ImpactEntryInput, ReportConsent } from '../../../lib/impact/schema';
import type { ImpactEntry } from '../../../lib/impact/types';
import type { Queryable } from '../db/database';

interface EntryRow {
  id: string;
  community_id: string;
  member_id: string;
  note_id: string;
  source: ImpactEntry['source'];
  opened_at: string | number;
  answered_at: string | number;
  minutes_saved: number | null;
  outcome: ImpactEntry['outcome'];
  outcome_note_id: string | null;
}

const COLUMNS = `id, community_id, member_id, note_id, source, opened_at, answered_at, minutes_saved, outcome,
  outcome_note_id`;

const toEntry = (r: EntryRow): ImpactEntry => ({
  id: r.id,
  communityId: r.community_id,
  noteId: r.note_id,
  memberId: r.member_id,
  source: r.source,
  openedAt: new Date(Number(r.opened_at)).toISOString(),
  answeredAt: new Date(Number(r.answered_at)).toISOString(),
  minutesSaved: r.minutes_saved as ImpactEntry['minutesSaved'],
  outcome: r.outcome,
  outcomeNoteId: r.outcome_note_id,
});

/** The answers a member may read: their own, newest first. */
export async function entriesOf(db: Queryable, communityId: string, memberId: string): Promise<ImpactEntry[]> {
  const { rows } = await db.query<EntryRow>(
    `SELECT ${COLUMNS} FROM impact_entries WHERE community_id = $1 AND member_id = $2
      ORDER BY answered_at DESC, id LIMIT 5000`,
    [communityId, memberId],
  );
  return rows.map(toEntry);
}

const sameAnswer = (stored: ImpactEntry, input: ImpactEntryInput) =>
  stored.noteId === input.noteId &&
  stored.source === input.source &&
  Date.parse(stored.openedAt) === Date.parse(input.openedAt) &&
  Date.parse(stored.answeredAt) === Date.parse(input.answeredAt) &&
  stored.minutesSaved === input.minutesSaved &&
  stored.outcome === input.outcome &&
  stored.outcomeNoteId === input.outcomeNoteId;

/**
 * Stores one answer. A resend of the same answer under the same id is `existing` (a retry after a lost
 * response); anything else that clashes — the id used for another answer or by another member, or a second
 * answer about the same opening — is `conflict`, and nothing changes.
 */
export async function recordEntry(
  db: Queryable,
  communityId: string,
  memberId: string,
  input: ImpactEntryInput,
  receivedAt: number,
): Promise<{ status: 'created' | 'existing'; entry: ImpactEntry } | { status: 'conflict'; reason: string }> {
  const { rows } = await db.query<EntryRow>(
    `INSERT INTO impact_entries (community_id, id, member_id, note_id, source, opened_at, answered_at, received_at,
                                 minutes_saved, outcome, outcome_note_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [
      communityId,
      input.id,
      memberId,
      input.noteId,
      input.source,
      Date.parse(input.openedAt),
      Date.parse(input.answeredAt),
      receivedAt,
      input.minutesSaved,
      input.outcome,
      input.outcomeNoteId,
    ],
  );
  if (rows[0]) return { status: 'created', entry: toEntry(rows[0]) };
  const found = await db.query<EntryRow>(`SELECT ${COLUMNS} FROM impact_entries WHERE community_id = $1 AND id = $2`, [
    communityId,
    input.id,
  ]);
  const stored = found.rows[0] && toEntry(found.rows[0]);
  if (stored && stored.memberId === memberId && sameAnswer(stored, input)) return { status: 'existing', entry: stored };
  if (stored) return { status: 'conflict', reason: 'This entry id is already used for another answer' };
  return { status: 'conflict', reason: 'You already answered about this opening of the note' };
}

export async function reportConsent(db: Queryable, memberId: string): Promise<ReportConsent> {
  const { rows } = await db.query<{ c: boolean; at: string | number | null }>(
    'SELECT report_name_consent AS c, report_name_consent_changed_at AS at FROM members WHERE id = $1',
    [memberId],
  );
  return { isNamed: rows[0]?.c === true, changedAt: rows[0]?.at == null ? null : Number(rows[0].at) };
}

/** Sets the member's consent; the time changes only when the answer does (a repeat is a no-op). */
export async function setReportConsent(
  db: Queryable,
  memberId: string,
  isNamed: boolean,
  at: number,
): Promise<ReportConsent> {
  await db.query(
    `UPDATE members SET report_name_consent = $2, report_name_consent_changed_at = $3
      WHERE id = $1 AND report_name_consent IS DISTINCT FROM $2`,
    [memberId, isNamed, at],
  );
  return reportConsent(db, memberId);
}
