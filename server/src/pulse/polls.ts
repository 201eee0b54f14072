import { randomUUID } from 'node:crypto';
import type { Poll, PollInput, PollResults } from '../../../lib/pulse/schema';
import type { PollOccurrence } from '../../../lib/pulse/schedule';
import type { Database, Queryable } from '../db/database';

/** How many polls one community may hold: a facilitator schedules a few, never thousands. */
export const MAX_POLLS_PER_COMMUNITY = 50;

interface PollRow {
  id: string;
  question: string;
  choices: string[];
  is_anonymous: boolean;
  cadence: Poll['cadence'];
  anchor: string;
  open_days: number;
  time_zone: string;
  min_answers: number;
  is_active: boolean;
  updated_at: number;
}

const COLUMNS = `id, question, choices, is_anonymous, cadence, anchor, open_days, time_zone, min_answers, is_active,
  updated_at`;

const toPoll = (r: PollRow): Poll => ({
  id: r.id,
  question: r.question,
  choices: r.choices,
  isAnonymous: r.is_anonymous,
  cadence: r.cadence,
  anchor: r.anchor,
  openDays: r.open_days,
  timeZone: r.time_zone,
  minAnswers: r.min_answers,
  isActive: r.is_active,
  updatedAt: Number(r.updated_at),
});

export async function listPolls(db: Queryable, communityId: string): Promise<Poll[]> {
  const { rows } = await db.query<PollRow>(
    `SELECT ${COLUMNS} FROM polls WHERE community_id = $1 ORDER BY created_at, id`,
    [communityId],
  );
  return rows.map(toPoll);
}

export async function getPoll(db: Queryable, communityId: string, id: string): Promise<Poll | undefined> {
  const { rows } = await db.query<PollRow>(`SELECT ${COLUMNS} FROM polls WHERE community_id = $1 AND id = $2`, [
    communityId,
    id,
  ]);
  return rows[0] && toPoll(rows[0]);
}

/** Creates or replaces poll `id`; 'full' when the community already holds the most polls allowed. */
export async function putPoll(
  db: Database,
  communityId: string,
  id: string,
  input: PollInput,
  by: string,
  at: number,
): Promise<'ok' | 'full'> {
  return db.transaction(async (tx) => {
    // Serialises creates per community, so two at once cannot both pass the count.
    await tx.query('SELECT id FROM communities WHERE id = $1 FOR UPDATE', [communityId]);
    const exists = await tx.query('SELECT 1 FROM polls WHERE community_id = $1 AND id = $2', [communityId, id]);
    if (!exists.rows.length) {
      const { rows } = await tx.query<{ n: string }>('SELECT count(*) AS n FROM polls WHERE community_id = $1', [
        communityId,
      ]);
      if (Number(rows[0]!.n) >= MAX_POLLS_PER_COMMUNITY) return 'full';
    }
    await tx.query(
      `INSERT INTO polls (community_id, id, question, choices, is_anonymous, cadence, anchor, open_days, time_zone,
                          min_answers, is_active, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
       ON CONFLICT (community_id, id) DO UPDATE SET question = $3, choices = $4::jsonb, is_anonymous = $5,
         cadence = $6, anchor = $7, open_days = $8, time_zone = $9, min_answers = $10, is_active = $11,
         updated_at = $13`,
      [
        communityId,
        id,
        input.question,
        JSON.stringify(input.choices),
        input.isAnonymous,
        input.cadence,
        input.anchor,
        input.openDays,
        input.timeZone,
        input.minAnswers,
        input.isActive,
        by,
        at,
      ],
    );
    return 'ok';
  });
}

export async function deletePoll(db: Queryable, communityId: string, id: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM polls WHERE community_id = $1 AND id = $2 RETURNING id', [
    communityId,
    id,
  ]);
  return rows.length > 0;
}

export async function hasAnswered(
  db: Queryable,
  communityId: string,
  pollId: string,
  key: string,
  memberId: string,
): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM poll_voters WHERE community_id = $1 AND poll_id = $2 AND key = $3 AND member_id = $4',
    [communityId, pollId, key, memberId],
  );
  return rows.length > 0;
}

/**
 * Records one member's answer to an occurrence, or 'duplicate' when they answered it already (the voters'
 * primary key decides, so two answers racing from two devices cannot both land). An anonymous poll's answer
 * is stored without its member.
 */
export async function recordAnswer(
  db: Database,
  communityId: string,
  poll: Poll,
  occ: PollOccurrence,
  memberId: string,
  answer: { choice?: string; text?: string },
): Promise<'ok' | 'duplicate'> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO poll_occurrences (community_id, poll_id, key, opens_at, closes_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [communityId, poll.id, occ.key, occ.opensAt, occ.closesAt],
    );
    const voted = await tx.query(
      `INSERT INTO poll_voters (community_id, poll_id, key, member_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING member_id`,
      [communityId, poll.id, occ.key, memberId],
    );
    if (!voted.rows.length) return 'duplicate';
    await tx.query(
      `INSERT INTO poll_answers (community_id, poll_id, key, id, member_id, choice, text)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        communityId,
        poll.id,
        occ.key,
        randomUUID(),
        poll.isAnonymous ? null : memberId,
        answer.choice ?? null,
        answer.text ?? null,
      ],
    );
    return 'ok';
  });
}

/**
 * An occurrence's results as a member may see them: below the poll's minimum, only how many answered.
 * The count comes from the voters, the content from the answers; content is read only at or above k.
 */
export async function pollResults(db: Queryable, communityId: string, poll: Poll, key: string): Promise<PollResults> {
  const { rows } = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM poll_voters WHERE community_id = $1 AND poll_id = $2 AND key = $3',
    [communityId, poll.id, key],
  );
  const answerCount = Number(rows[0]!.n);
  const base = { pollId: poll.id, occurrence: key, answerCount, minAnswers: poll.minAnswers };
  if (answerCount < poll.minAnswers) return { ...base, isWithheld: true };
  const answers = await db.query<{ choice: string | null; text: string | null; mid: string | null; name: string }>(
    `SELECT a.choice, a.text, m.id AS mid, m.display_name AS name
       FROM poll_answers a LEFT JOIN members m ON m.id = a.member_id
      WHERE a.community_id = $1 AND a.poll_id = $2 AND a.key = $3
      ORDER BY a.id`,
    [communityId, poll.id, key],
  );
  const counts: Record<string, number> = Object.fromEntries(poll.choices.map((c) => [c, 0]));
  const texts: NonNullable<PollResults['answers']> = [];
  for (const a of answers.rows) {
    if (a.choice !== null) counts[a.choice] = (counts[a.choice] ?? 0) + 1;
    else if (a.text !== null) {
      texts.push(
        poll.isAnonymous || a.mid === null ? { text: a.text } : { text: a.text, member: { id: a.mid, name: a.name } },
      );
    }
  }
  return poll.choices.length ? { ...base, isWithheld: false, counts } : { ...base, isWithheld: false, answers: texts };
}
