import { uuidv7 } from 'uuidv7';
import { err, ok, type Result } from '../model';
import type { CommonplaceDb } from '../db/schema';
import { enqueue, nextHlc, outboxTables } from '../db/outbox';
import { syncState } from '../db/sync-state';
import { LOCAL_ME } from '../digest/identity';
import { QuestionEventBodySchema, type QuestionEventBody } from '../questions/events';
import { questionEventsRepository } from '../db/question-events';

/** What a caller asks for: the event without its id and time (made here). */
export type QuestionEventRequest =
  | { type: 'answer-linked'; noteId: string }
  | { type: 'relayed'; answerId: string }
  | { type: 'confirmed'; answerId?: string; isAnswered: boolean }
  | { type: 'me-too' };

/**
 * Records something that happened to a question (lib/questions) and, for a community question, queues it for
 * the endpoint in the same transaction. Refuses (changing nothing) what the endpoint would refuse: events on
 * a note that is not a live question, and a confirmation from someone who is neither the asker nor a
 * facilitator. Resolves to the stored event's id.
 */
export async function recordQuestionEvent(
  db: CommonplaceDb,
  questionId: string,
  request: QuestionEventRequest,
  now: number,
): Promise<Result<string>> {
  const parsed = QuestionEventBodySchema.safeParse({ ...request, id: uuidv7(), at: now });
  if (!parsed.success) return err(`Not recorded: ${parsed.error.issues[0]?.message ?? 'invalid event'}`);
  const body: QuestionEventBody = parsed.data;
  return db.transaction('rw', outboxTables(db), async () => {
    const q = await db.notes.get(questionId);
    if (!q || q.deletedAt !== undefined || q.kind !== 'question') return err('That question is gone.');
    const cm = q.communityId ?? null;
    const member = cm ? await syncState(db).membership(cm) : undefined;
    if (cm && !member) return err('You are not a member of this question’s community.');
    const by = member?.memberId ?? LOCAL_ME;
    const byRole = member?.role ?? 'member';
    if (body.type === 'confirmed' && q.author && q.author.id !== by && byRole === 'member') {
      return err('Only the asker or a facilitator can say whether an answer answered it.');
    }
    await questionEventsRepository(db).put({ ...body, questionId, by, byRole, communityId: cm });
    if (cm)
      await enqueue(
        db,
        cm,
        { op: 'question-event', noteId: questionId, hlc: await nextHlc(db, now), event: body },
        now,
      );
    return ok(body.id);
  });
}
