import type { Evidence, Profile } from './types';
import { DAY_MS } from './types';

/** How strongly being asked lately pushes someone down: each recent ask divides fit by one more half. */
export const LOAD_PENALTY = 0.5;
/** A rising helper answered well at least once and at most this many times. */
export const RISING_MAX_ANSWERS = 3;
/** Asks older than this no longer count as load. */
export const LOAD_WINDOW_DAYS = 14;

export interface RouteInput {
  /** Normalised tags and topic words of the open question. */
  topics: readonly string[];
  askerId?: string;
  /** Profiles in the public view (`viewerId: null`). */
  profiles: ReadonlyMap<string, Profile>;
  /** Members who opted out: never suggested. */
  optedOut: ReadonlySet<string>;
  /** Member id -> how much they were asked lately (`askLoad` over `asksFrom`; decayed, so fractional). */
  recentAsks?: ReadonlyMap<string, number>;
  /** How many to suggest: two or three. */
  limit?: 2 | 3;
  /** false: no reasons (the ladder's helpers rung needs only who); default true. */
  withReasons?: boolean;
  /** Topic -> how many profiles hold it (`topicCounts(profiles)`), when routing many questions on one set. */
  df?: ReadonlyMap<string, number>;
}

/** Topic -> how many of the profiles hold it: what makes a rare topic count more in `fitOf`. */
export function topicCounts(profiles: ReadonlyMap<string, Profile>): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of profiles.values()) for (const t of p.topics.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

export interface Suggestion {
  memberId: string;
  fit: number;
  isRising: boolean;
  /** Human lines with the notes behind them, strongest first: "answered 3 questions on vpn in #infra". */
  reasons: { text: string; noteIds: string[] }[];
}

/** Member id -> asks within the window before `now`. */
export function recentAskCounts(
  asks: readonly { memberId: string; at: number }[],
  now: number,
  windowDays = LOAD_WINDOW_DAYS,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of asks)
    if (a.at <= now && now - a.at < windowDays * DAY_MS) out.set(a.memberId, (out.get(a.memberId) ?? 0) + 1);
  return out;
}

/** How well a profile fits the topics: rarer topics count more, many pieces on one topic count less each. */
export function fitOf(
  profile: Profile,
  topics: readonly string[],
  df: ReadonlyMap<string, number>,
  members: number,
): number {
  let fit = 0;
  for (const t of new Set(topics)) {
    const w = profile.topics.get(t);
    if (!w) continue;
    fit += Math.log(1 + members / (df.get(t) ?? 1)) * Math.log1p(w);
  }
  return fit;
}

/**
 * Two or three people for an open question: the best fits after load, and one slot for a rising helper (answered
 * well 1..RISING_MAX_ANSWERS times) when one fits at all. Never the asker, never an opted-out member, never
 * someone with no evidence on the question's topics.
 */
export function routeQuestion(input: RouteInput): Suggestion[] {
  const limit = input.limit ?? 3;
  const df = input.df ?? topicCounts(input.profiles);
  const scored: { p: Profile; fit: number; rank: number }[] = [];
  for (const p of input.profiles.values()) {
    if (p.memberId === input.askerId || input.optedOut.has(p.memberId)) continue;
    const fit = fitOf(p, input.topics, df, input.profiles.size);
    if (fit <= 0) continue;
    const load = input.recentAsks?.get(p.memberId) ?? 0;
    scored.push({ p, fit, rank: fit / (1 + LOAD_PENALTY * load) });
  }
  scored.sort((a, b) => b.rank - a.rank || (a.p.memberId < b.p.memberId ? -1 : 1));
  const chosen = scored.slice(0, limit - 1);
  const rising = scored.find((s) => !chosen.includes(s) && s.p.answers >= 1 && s.p.answers <= RISING_MAX_ANSWERS);
  const last = rising ?? scored[limit - 1];
  if (last) chosen.push(last);
  return chosen.map((s) => ({
    memberId: s.p.memberId,
    fit: s.fit,
    isRising: s === rising,
    reasons: input.withReasons === false ? [] : reasonsFor(s.p.evidence, input.topics),
  }));
}

const VERB: Record<Evidence['kind'], (n: number) => string> = {
  confirmed: (n) => (n === 1 ? 'gave a confirmed answer' : `gave ${n} confirmed answers`),
  answered: (n) => (n === 1 ? 'answered a question' : `answered ${n} questions`),
  thanked: (n) => (n === 1 ? 'was thanked once' : `was thanked ${n} times`),
  reused: (n) => (n === 1 ? 'wrote a note others reused' : `wrote ${n} notes others reused`),
  credited: (n) => (n === 1 ? 'was credited in a thread' : `was credited in ${n} threads`),
};

/** Group the evidence on the question's topics by kind, topic and place: "answered 3 questions on vpn in #infra". */
export function reasonsFor(evidence: readonly Evidence[], topics: readonly string[]): Suggestion['reasons'] {
  const wanted = new Set(topics);
  const groups = new Map<string, { kind: Evidence['kind']; topic: string; where: string; noteIds: string[] }>();
  for (const e of evidence) {
    const topic = e.topics.find((t) => wanted.has(t));
    if (topic === undefined) continue;
    const key = `${e.kind}\u0000${topic}\u0000${e.where}`;
    const g = groups.get(key) ?? { kind: e.kind, topic, where: e.where, noteIds: [] };
    g.noteIds.push(e.noteId);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => b.noteIds.length - a.noteIds.length || (a.topic + a.where < b.topic + b.where ? -1 : 1))
    .slice(0, 3)
    .map((g) => ({
      text: `${VERB[g.kind](g.noteIds.length)} on ${g.topic}${g.where ? ` in ${g.where}` : ''}`,
      noteIds: g.noteIds,
    }));
}
