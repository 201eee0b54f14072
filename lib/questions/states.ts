import type { Note } from '../model';
import type { QuestionEvent } from './events';
import { helperRouter, routeTime, routingNotes, withoutOptedOut } from './helpers';
import { routingVersion } from './helpers-cache';
import { DEFAULT_LADDER, RUNGS, rungDelays, type Rung } from './ladder';
import { isPrivateQuestion } from './privacy';
import type { Escalation, QuestionsInput, QuestionsResult, QuestionState, QuestionStatus } from './types';

type Step =
  | { kind: 'answer'; at: number; id: string; noteId: string }
  | { kind: 'relay'; at: number; id: string; answerId: string }
  | { kind: 'confirm'; at: number; id: string; isAnswered: boolean };
const STEP_ORDER = { answer: 0, relay: 1, confirm: 2 } as const;

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
    if (!byId.has(e.questionId)) continue;
    if (e.type === 'answer-linked') {
      if (e.noteId === e.questionId) continue;
      push(e.questionId, { kind: 'answer', at: e.at, id: e.id, noteId: e.noteId });
    } else if (e.type === 'relayed') push(e.questionId, { kind: 'relay', at: e.at, id: e.id, answerId: e.answerId });
    else if (e.type === 'confirmed') {
      if (mayConfirm(byId.get(e.questionId)!, e, input.facilitators)) {
        push(e.questionId, { kind: 'confirm', at: e.at, id: e.id, isAnswered: e.isAnswered });
      }
    } else addTo(meToo, e.questionId, e.by);
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

/** The asker confirms their own question; a facilitator confirms any in their community. Personal notes: the user. */
function mayConfirm(q: Note, e: QuestionEvent, facilitators: QuestionsInput['facilitators']): boolean {
  if (!q.author) return true;
  if (e.by === q.author.id) return true;
  // The endpoint checked the role of whoever confirmed and says so on pulled events.
  if ('byRole' in e && (e.byRole === 'facilitator' || e.byRole === 'admin')) return true;
  return !!q.communityId && (facilitators?.[q.communityId] ?? []).includes(e.by);
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

/** Replays a question's answers, relays and confirmations in time order. */
function statusOf(q: Note, steps: Step[], now: number, isFirstTime: boolean): QuestionStatus {
  let clock = q.createdAt;
  let answerIds: string[] = [];
  let answeredAt: number | undefined;
  let relayedAt: number | undefined;
  let resolvedAt: number | undefined;
  steps.sort((a, b) => a.at - b.at || STEP_ORDER[a.kind] - STEP_ORDER[b.kind] || (a.id < b.id ? -1 : 1));
  for (const s of steps) {
    if (s.at > now || resolvedAt !== undefined) break;
    if (s.kind === 'answer') {
      if (!answerIds.includes(s.noteId)) answerIds.push(s.noteId);
      answeredAt ??= s.at;
    } else if (s.kind === 'relay') {
      if (!answerIds.includes(s.answerId)) answerIds.push(s.answerId);
      answeredAt ??= s.at;
      relayedAt ??= s.at;
    } else if (s.isAnswered) {
      resolvedAt = s.at;
    } else {
      // "It did not answer it": the answers so far stop counting and the ladder starts again from now.
      clock = s.at;
      answerIds = [];
      answeredAt = relayedAt = undefined;
    }
  }
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
