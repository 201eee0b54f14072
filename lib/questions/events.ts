import { z } from 'zod';
import { EpochMsSchema, safeText } from '../model';

const NoteId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID');
const base = {
  /** Made on the client (UUID), so a re-sent event is the same event. */
  id: NoteId,
  questionId: NoteId,
  /** Member id of whoever did it (the server sets it from the token). */
  by: safeText(128),
  at: EpochMsSchema,
};

/**
 * What happens to a question besides notes: the harvest itself, answers (`links.answers`) and me-toos
 * (`links.addsTo`) are notes; these are the rest.
 * - `answer-linked`: "Answer this question" pointed at a note that already existed.
 * - `relayed`: someone wrote the answer into the thread the question was asked in (the human pressed send).
 * - `confirmed`: "Did this answer it?" — yes resolves; no sends the question back up the ladder, from then.
 *   Counts only from the asker or a facilitator.
 * - `me-too`: another member has the same question.
 */
export const QuestionEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('answer-linked'), noteId: NoteId }),
  z.strictObject({ ...base, type: z.literal('relayed'), answerId: NoteId }),
  z.strictObject({ ...base, type: z.literal('confirmed'), answerId: NoteId.optional(), isAnswered: z.boolean() }),
  z.strictObject({ ...base, type: z.literal('me-too') }),
]);
export type QuestionEvent = z.infer<typeof QuestionEventSchema>;
export type QuestionEventType = QuestionEvent['type'];

/**
 * A question event as a client sends it (sync push): who did it comes from the token and which question from
 * the mutation, never from the body.
 */
export const QuestionEventBodySchema = z.discriminatedUnion('type', [
  QuestionEventSchema.options[0].omit({ by: true, questionId: true }),
  QuestionEventSchema.options[1].omit({ by: true, questionId: true }),
  QuestionEventSchema.options[2].omit({ by: true, questionId: true }),
  QuestionEventSchema.options[3].omit({ by: true, questionId: true }),
]);
export type QuestionEventBody = z.infer<typeof QuestionEventBodySchema>;

/** The same event as pull delivers it: with the member and their role when they did it (the server checked it). */
export const PulledQuestionEventSchema = z.discriminatedUnion('type', [
  QuestionEventSchema.options[0].extend({ byRole: z.enum(['member', 'facilitator', 'admin']) }),
  QuestionEventSchema.options[1].extend({ byRole: z.enum(['member', 'facilitator', 'admin']) }),
  QuestionEventSchema.options[2].extend({ byRole: z.enum(['member', 'facilitator', 'admin']) }),
  QuestionEventSchema.options[3].extend({ byRole: z.enum(['member', 'facilitator', 'admin']) }),
]);
export type PulledQuestionEvent = z.infer<typeof PulledQuestionEventSchema>;
