import { Hono } from 'hono';
import { openOccurrence, occurrenceByKey } from '../../../lib/pulse/schedule';
import { AnswerInputSchema, PollInputSchema } from '../../../lib/pulse/schema';
import { ServerIdSchema } from '../../../lib/sync/protocol';
import { requireMember, requireRole } from '../http/auth';
import { ApiHttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { check, readJson } from '../http/validate';
import {
  deletePoll,
  getPoll,
  hasAnswered,
  listPolls,
  MAX_POLLS_PER_COMMUNITY,
  pollResults,
  putPoll,
  recordAnswer,
} from '../pulse/polls';

const pollId = (raw: string) => check(ServerIdSchema, raw);

/**
 * Pulse polls (issue 17). Facilitators and admins schedule them; members answer each occurrence once (a
 * second answer is refused with 409: an anonymous answer cannot be found again to be replaced). Results are
 * withheld below the poll's minimum by this server, whatever the client shows.
 */
export const polls = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', async (c) => c.json({ polls: await listPolls(c.var.services.db, c.var.auth.communityId) }))
  .get('/open', async (c) => {
    const { db, now } = c.var.services;
    const { communityId, memberId } = c.var.auth;
    const at = now();
    const open = [];
    for (const poll of await listPolls(db, communityId)) {
      const occurrence = poll.isActive ? openOccurrence(poll, at) : null;
      if (!occurrence) continue;
      open.push({
        poll,
        occurrence,
        hasAnswered: await hasAnswered(db, communityId, poll.id, occurrence.key, memberId),
      });
    }
    return c.json({ open });
  })
  .put('/:id', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    const id = pollId(c.req.param('id'));
    const input = await readJson(c, PollInputSchema);
    const { db, now } = c.var.services;
    const done = await putPoll(db, c.var.auth.communityId, id, input, c.var.auth.memberId, now());
    if (done === 'full') {
      throw new ApiHttpError(422, 'unprocessable', `A community holds at most ${MAX_POLLS_PER_COMMUNITY} polls`);
    }
    return c.json((await getPoll(db, c.var.auth.communityId, id))!);
  })
  .delete('/:id', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    const isDeleted = await deletePoll(c.var.services.db, c.var.auth.communityId, pollId(c.req.param('id')));
    if (!isDeleted) throw new ApiHttpError(404, 'not_found', 'No such poll');
    return c.body(null, 204);
  })
  .post('/:id/occurrences/:key/answers', async (c) => {
    const { db, now } = c.var.services;
    const { communityId, memberId } = c.var.auth;
    const poll = await getPoll(db, communityId, pollId(c.req.param('id')));
    if (!poll) throw new ApiHttpError(404, 'not_found', 'No such poll');
    const answer = await readJson(c, AnswerInputSchema);
    const open = poll.isActive ? openOccurrence(poll, now()) : null;
    if (!open || open.key !== c.req.param('key')) {
      throw new ApiHttpError(422, 'unprocessable', 'This occurrence of the poll is not open');
    }
    if (poll.choices.length) {
      if (!('choice' in answer) || !poll.choices.includes(answer.choice)) {
        throw new ApiHttpError(400, 'bad_request', `Invalid request: choice: must be one of the poll's choices`);
      }
    } else if (!('text' in answer)) {
      throw new ApiHttpError(400, 'bad_request', 'Invalid request: text: this poll takes a free-text answer');
    }
    const done = await recordAnswer(db, communityId, poll, open, memberId, answer);
    if (done === 'duplicate') {
      throw new ApiHttpError(409, 'conflict', 'You already answered this occurrence; one answer per member');
    }
    return c.json(await pollResults(db, communityId, poll, open.key), 201);
  })
  .get('/:id/occurrences/:key/results', async (c) => {
    const { db } = c.var.services;
    const poll = await getPoll(db, c.var.auth.communityId, pollId(c.req.param('id')));
    if (!poll) throw new ApiHttpError(404, 'not_found', 'No such poll');
    const key = c.req.param('key');
    if (!occurrenceByKey(poll, key)) throw new ApiHttpError(404, 'not_found', 'No such occurrence of this poll');
    return c.json(await pollResults(db, c.var.auth.communityId, poll, key));
  });
