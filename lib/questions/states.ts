import type { Note } from '../model';
import { helperRouter, routeTime, routingNotes, withoutOptedOut } from './helpers';
import { routingVersion } from './helpers-cache';
import { DEFAULT_LADDER, RUNGS, rungDelays, type Rung } from './ladder';
import { isPrivateQuestion } from './privacy';
import { replaySteps, stepOf, type Step } from './replay';
import type { Escalation, QuestionsInput, QuestionsResult, QuestionState, QuestionStatus } from './types';

/**
 * The question state machine: every question's state and the escalations due, from notes, events and `now`
 * alone. Pure and total: unknown questions in events, confirmations from members who may not confirm and
 * deleted notes are ignored, so a replayed or hostile event stream can only be outvoted, never crash it.
 * See lib/questions/README.md for the rules.
 */
export function questionStates(input: QuestionsInput): QuestionsResult {
  const { notes, events, now } = input;
  const questions = notes.filter((n) => n.kind === 'question' && n.deletedAt === undefined);
  const byId = new Map(questions.map((q) => [q.id, q]));

  const steps = new Map<string, Step[]>();
  const meToo = new Map<string, Set<string>>();
  const push = (qid: string, s: Step) => (steps.get(qid) ?? steps.set(qid, []).get(qid)!).push(s);
  const addTo = <T>(m: Map<string, Set<T>>, k: string, v: T) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);

  for (const n of notes) {
    if (n.deletedAt !== undefined) continue;
    const q = n.links?.answers;
    if (q && byId.has(q) && n.id !== q) {
      push(q, { kind: 'answer', at: n.createdAt, id: n.id, noteId: n.id });
    }
    const same = n.links?.addsTo;
    if (same && byId.has(same) && n.kind === 'question' && n.author) addTo(meToo, same, n.author.id);
  }
  for (const e of events) {
    const q = byId.get(e.questionId);
    if (!q) continue;
    if (e.type === 'me-too') {
      addTo(meToo, e.questionId, e.by);
      continue;
    }
    const step = stepOf(e, q.author?.id, q.communityId ? input.facilitators?.[q.communityId] : undefined);
    if (step) push(e.questionId, step);
  }

  const firstTime = firstQuestions(questions);
  const optedOut = input.expertiseOptOuts;
  // Read once: the router (on a cache miss) and the cache's version see the same notes.
  let readable: Note[] | undefined;
  const read = () => (readable ??= routingNotes(notes, now));
  let router: ReturnType<typeof helperRouter> | undefined;
  const route = (q: Note) =>
    (router ??= helperRouter({ notes: read(), events, now, ...(optedOut ? { optedOut } : {}) }))(q);
  const cache = input.helpersCache;
  cache?.useVersion(
    routingVersion({ notes: read(), events, now, routeTime: routeTime(now), ...(optedOut ? { optedOut } : {}) }),
  );

  const out: QuestionStatus[] = [];
  for (const q of questions) {
    const status = statusOf(q, steps.get(q.id) ?? [], now, firstTime.has(q.id));
    const others = meToo.get(q.id);
    status.meToo = others ? [...others].filter((id) => id !== q.author?.id).length : 0;
    if (status.communityId !== null && status.answeredAt === undefined && status.resolvedAt === undefined) {
      climb(status, input, now, () => withoutOptedOut(cache ? cache.helpers(q, () => route(q)) : route(q), optedOut));
    }
    out.push(status);
  }
  const due = out.flatMap((s) => s.escalations).sort((a, b) => a.at - b.at || (a.questionId < b.questionId ? -1 : 1));
  return { questions: out, due };
}

/** Ids of questions that were their asker's first in that community (ties broken by id, as sync orders them). */
function firstQuestions(questions: readonly Note[]): Set<string> {
  const first = new Map<string, Note>();
  for (const q of questions) {
    if (!q.author || !q.communityId) continue;
    const key = `${q.communityId}\u0000${q.author.id}`;
    const seen = first.get(key);
    if (!seen || q.createdAt < seen.createdAt || (q.createdAt === seen.createdAt && q.id < seen.id)) first.set(key, q);
  }
  return new Set([...first.values()].map((q) => q.id));
}

/** A question's state from its replayed steps (replay.ts holds the one rule for "answered"). */
function statusOf(q: Note, steps: Step[], now: number, isFirstTime: boolean): QuestionStatus {
  const { clock, answerIds, answeredAt, relayedAt, resolvedAt } = replaySteps(q.createdAt, steps, now);
  const state: QuestionState =
    resolvedAt !== undefined
      ? 'resolved'
      : relayedAt !== undefined
        ? 'relayed'
        : answeredAt !== undefined
          ? 'answered'
          : 'open';
  return {
    questionId: q.id,
    communityId: q.communityId ?? null,
    ...(q.author ? { askerId: q.author.id } : {}),
    state,
    since: resolvedAt ?? relayedAt ?? answeredAt ?? clock,
    isPrivate: isPrivateQuestion(q),
    isFirstTime,
    meToo: 0,
    answerIds,
    ...(answeredAt !== undefined ? { answeredAt } : {}),
    ...(relayedAt !== undefined ? { relayedAt } : {}),
    ...(resolvedAt !== undefined ? { resolvedAt } : {}),
    escalations: [],
  };
}

/** Puts an unanswered community question on the rungs its ladder has reached by `now`. */
function climb(s: QuestionStatus, input: QuestionsInput, now: number, helpers: () => string[]): void {
  const cm = s.communityId!;
  const ladder = input.ladders?.[cm] ?? DEFAULT_LADDER;
  if (!ladder.isEnabled) return;
  const delays = rungDelays(ladder, s.isFirstTime);
  const facilitators = (input.facilitators?.[cm] ?? []).filter((id) => id !== s.askerId);
  const audience: Record<Rung, () => string[]> = {
    helpers,
    facilitator: () => [...facilitators].sort(),
    huddle: () => [...facilitators].sort(),
  };
  for (const rung of RUNGS) {
    const at = s.since + delays[rung];
    if (at > now) {
      s.nextEscalationAt ??= at;
      continue;
    }
    const e: Escalation = {
      questionId: s.questionId,
      communityId: cm,
      rung,
      at,
      audience: audience[rung](),
      isAnnounced: rung === 'huddle' && !s.isPrivate,
    };
    s.escalations.push(e);
  }
  const top = s.escalations.at(-1);
  if (top) {
    s.state = top.rung === 'helpers' ? 'nudged' : 'escalated';
    s.since = top.at;
  }
}
