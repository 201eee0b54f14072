import type { WeekQuestions } from '../../../lib/impact/weekly-mail';
import type { Queryable } from '../db/database';

/**
 * The week's question figures from what the endpoint holds: live community notes of kind `question`, answers
 * (live notes whose `links.answers` names one, and `answer-linked` / `relayed` events), by their own times.
 * Asked: questions created in the week. Answered: questions that got an answer in the week. Open: questions
 * created before the week ended with no answer by then. A "no, that did not answer it" confirmation is not
 * counted here (lib/questions/states.ts is the full model, on the client).
 */
export async function weekQuestions(
  db: Queryable,
  communityId: string,
  from: number,
  to: number,
): Promise<WeekQuestions> {
  const { rows } = await db.query<{ asked: number; answered: number; open: number }>(
    `WITH q AS (
       SELECT id::text AS id, (body->>'createdAt')::bigint AS at FROM notes
        WHERE community_id = $1 AND deleted_at IS NULL AND body->>'kind' = 'question'),
     a AS (
       SELECT body->'links'->>'answers' AS qid, (body->>'createdAt')::bigint AS at FROM notes
        WHERE community_id = $1 AND deleted_at IS NULL AND body->'links'->>'answers' IS NOT NULL
       UNION ALL
       SELECT note_id::text, at FROM question_events
        WHERE community_id = $1 AND type IN ('answer-linked', 'relayed'))
     SELECT
       (SELECT count(*)::int FROM q WHERE q.at >= $2 AND q.at < $3) AS asked,
       (SELECT count(*)::int FROM q WHERE EXISTS (SELECT 1 FROM a WHERE a.qid = q.id AND a.at >= $2 AND a.at < $3))
         AS answered,
       (SELECT count(*)::int FROM q WHERE q.at < $3 AND NOT EXISTS (SELECT 1 FROM a WHERE a.qid = q.id AND a.at < $3))
         AS open`,
    [communityId, from, to],
  );
  const r = rows[0]!;
  return { asked: Number(r.asked), answered: Number(r.answered), open: Number(r.open) };
}
