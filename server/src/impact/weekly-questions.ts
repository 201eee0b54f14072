import type { WeekQuestions } from '../../../lib/impact/weekly-mail';
import type { PulledQuestionEvent } from '../../../lib/questions/events';
import { answeredSince, replaySteps, stepOf, type Step } from '../../../lib/questions/replay';
import type { Queryable } from '../db/database';

/**
 * The week's question figures from what the endpoint holds: live community notes of kind `question`, their
 * answers (live notes whose `links.answers` names one) and their question events, read with the question
 * model's own rule (lib/questions/replay.ts), so "no, that did not answer it" from the asker or a facilitator
 * takes back the answers before it, as it does in every member's new tab. Each question is replayed up to the
 * end of the week. Asked: created in the week. Answered: answered at the end of the week, and it became so in
 * the week. Open: created before the week ended and not answered at its end.
 */
export async function weekQuestions(
  db: Queryable,
  communityId: string,
  from: number,
  to: number,
): Promise<WeekQuestions> {
  const questions = await db.query<{ id: string; at: string; asker: string }>(
    `SELECT id::text AS id, body->>'createdAt' AS at, author_id::text AS asker FROM notes
      WHERE community_id = $1 AND deleted_at IS NULL AND body->>'kind' = 'question'
        AND (body->>'createdAt')::bigint < $2`,
    [communityId, to],
  );
  // Answer notes and events as pull delivers them (with who did it and their role then), up to the week's end.
  const answers = await db.query<{ qid: string; id: string; at: string }>(
    `SELECT body->'links'->>'answers' AS qid, id::text AS id, body->>'createdAt' AS at FROM notes
      WHERE community_id = $1 AND deleted_at IS NULL AND body->'links'->>'answers' IS NOT NULL
        AND (body->>'createdAt')::bigint < $2`,
    [communityId, to],
  );
  const events = await db.query<{ event: PulledQuestionEvent }>(
    `SELECT body || jsonb_build_object('id', id, 'type', type, 'at', at, 'questionId', note_id, 'by', member_id,
              'byRole', by_role) AS event
       FROM question_events WHERE community_id = $1 AND at < $2`,
    [communityId, to],
  );
  const asker = new Map(questions.rows.map((q) => [q.id, q.asker]));
  const steps = new Map<string, Step[]>();
  const push = (qid: string, s: Step) => (steps.get(qid) ?? steps.set(qid, []).get(qid)!).push(s);
  for (const a of answers.rows) {
    if (asker.has(a.qid) && a.id !== a.qid) push(a.qid, { kind: 'answer', at: Number(a.at), id: a.id, noteId: a.id });
  }
  for (const { event } of events.rows) {
    const e = { ...event, at: Number(event.at) } as PulledQuestionEvent;
    const step = asker.has(e.questionId) ? stepOf(e, asker.get(e.questionId)) : undefined;
    if (step) push(e.questionId, step);
  }
  const out: WeekQuestions = { asked: 0, answered: 0, open: 0 };
  for (const q of questions.rows) {
    const createdAt = Number(q.at);
    if (createdAt >= from) out.asked++;
    const since = answeredSince(replaySteps(createdAt, steps.get(q.id) ?? [], to - 1));
    if (since === undefined) out.open++;
    else if (since >= from) out.answered++;
  }
  return out;
}
