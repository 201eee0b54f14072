import type { Result } from '../model';
import {
  OpenPollListSchema,
  PollListSchema,
  PollResultsSchema,
  PollSchema,
  type AnswerInput,
  type OpenPoll,
  type Poll,
  type PollInput,
  type PollResults,
} from '../pulse/schema';
import { call, type CallError, type Fetcher } from './transport';

/** Where and as whom: one membership of a community. */
export interface PollAccess {
  fetcher: Fetcher;
  endpoint: string;
  token: string;
}

const opts = (a: PollAccess, now: number) => ({ token: a.token, now });

/** The occurrences open now on the endpoint's clock, with whether this member answered each. */
export async function fetchOpenPolls(a: PollAccess, now: number): Promise<Result<OpenPoll[], CallError>> {
  const res = await call(a.fetcher, a.endpoint, (api) => api.v1.polls.open.$get(), OpenPollListSchema, opts(a, now));
  return res.ok ? { ok: true, value: res.value.open } : res;
}

export async function fetchPolls(a: PollAccess, now: number): Promise<Result<Poll[], CallError>> {
  const res = await call(a.fetcher, a.endpoint, (api) => api.v1.polls.$get(), PollListSchema, opts(a, now));
  return res.ok ? { ok: true, value: res.value.polls } : res;
}

/** One answer to an open occurrence; the endpoint answers with the results as this member may see them. */
export function answerPoll(
  a: PollAccess,
  pollId: string,
  key: string,
  answer: AnswerInput,
  now: number,
): Promise<Result<PollResults, CallError>> {
  // The route reads its body itself (readJson), so its type names only the path: the body rides along.
  const input = { param: { id: encodeURIComponent(pollId), key: encodeURIComponent(key) }, json: answer };
  return call(
    a.fetcher,
    a.endpoint,
    (api) => api.v1.polls[':id'].occurrences[':key'].answers.$post(input),
    PollResultsSchema,
    opts(a, now),
  );
}

export function fetchPollResults(
  a: PollAccess,
  pollId: string,
  key: string,
  now: number,
): Promise<Result<PollResults, CallError>> {
  const param = { id: encodeURIComponent(pollId), key: encodeURIComponent(key) };
  return call(
    a.fetcher,
    a.endpoint,
    (api) => api.v1.polls[':id'].occurrences[':key'].results.$get({ param }),
    PollResultsSchema,
    opts(a, now),
  );
}

/** Schedules or edits a poll (facilitators and admins). */
export function putPoll(a: PollAccess, id: string, poll: PollInput, now: number): Promise<Result<Poll, CallError>> {
  const input = { param: { id: encodeURIComponent(id) }, json: poll };
  return call(a.fetcher, a.endpoint, (api) => api.v1.polls[':id'].$put(input), PollSchema, opts(a, now));
}

/** Stops a poll for good: it and its answers are deleted (facilitators and admins). */
export function deletePoll(a: PollAccess, id: string, now: number): Promise<Result<unknown, CallError>> {
  const input = { param: { id: encodeURIComponent(id) } };
  return call(a.fetcher, a.endpoint, (api) => api.v1.polls[':id'].$delete(input), null, opts(a, now));
}
