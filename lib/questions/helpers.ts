import { askLoad, asksFrom } from '../expertise/asks';
import { collectEvidence, topicsOf } from '../expertise/evidence';
import { buildProfiles } from '../expertise/profile';
import { routeQuestion, topicCounts } from '../expertise/route';
import type { Evidence, Profile } from '../expertise/types';
import type { Note } from '../model';
import type { PulledQuestionEvent, QuestionEvent } from './events';
import { HOUR_MS } from './ladder';

/**
 * Routing reads profiles and load at the end of the hour `now` falls in (what is known by `now` only): the
 * helpers of a question stay the same within the hour, so the question lists can keep them between openings.
 */
export const routeTime = (now: number): number => Math.ceil(now / HOUR_MS) * HOUR_MS;

/**
 * The notes routing reads, of those seen by `now`: questions, notes that link to another (answers, me-toos),
 * notes that credit someone, and the notes linked to. Every other note (most of a harvest) gives no evidence
 * and no ask, so routing and its version skip it.
 */
export function routingNotes(notes: readonly Note[], now: number): Note[] {
  const live = notes.filter((n) => n.deletedAt === undefined && n.createdAt <= now);
  const linked = new Set<string>();
  for (const n of live) {
    if (n.links?.answers) linked.add(n.links.answers);
    if (n.links?.addsTo) linked.add(n.links.addsTo);
  }
  return live.filter(
    (n) =>
      n.kind === 'question' ||
      n.links?.answers !== undefined ||
      n.links?.addsTo !== undefined ||
      linked.has(n.id) ||
      (n.contributors?.length ?? 0) > 0 ||
      n.chat?.messages.some((m) => m.authorId) === true,
  );
}

export interface RouterInput {
  notes: readonly Note[];
  events: readonly (QuestionEvent | PulledQuestionEvent)[];
  now: number;
  /** Members who opted out of who-knows-what: never routed to. */
  optedOut?: ReadonlySet<string>;
}

/**
 * The ladder's helpers rung through who-knows-what's own routing (lib/expertise `routeQuestion`): two or three
 * members for a question, by fit on its tags and words (the one normaliser's `topicsOf`) over the public view
 * of everyone's profile in its community (private evidence never counts), balanced by how much each was asked
 * lately (`asksFrom`, `askLoad`), never the asker, never an opted-out member. Notes and events dated after
 * `now` are not seen. Profiles are built once per community, on first need.
 */
export function helperRouter(input: RouterInput): (question: Note) => string[] {
  const seen = routingNotes(input.notes, input.now);
  const events = input.events.filter((e) => e.at <= input.now);
  const at = routeTime(input.now);
  const optedOut = input.optedOut ?? new Set<string>();
  let byCommunity: Map<string, Evidence[]> | undefined;
  let load: Map<string, number> | undefined;
  const routed = new Map<string, { profiles: Map<string, Profile>; df: Map<string, number> }>();
  function community(id: string) {
    let r = routed.get(id);
    if (r) return r;
    if (!byCommunity) {
      const communityOf = new Map(seen.map((n) => [n.id, n.communityId ?? '']));
      byCommunity = new Map();
      for (const e of collectEvidence({ notes: seen, events, thanks: [] })) {
        const c = communityOf.get(e.noteId) ?? '';
        (byCommunity.get(c) ?? byCommunity.set(c, []).get(c)!).push(e);
      }
    }
    const profiles = buildProfiles(byCommunity.get(id) ?? [], { now: at, viewerId: null });
    routed.set(id, (r = { profiles, df: topicCounts(profiles) }));
    return r;
  }
  return (question) => {
    if (!question.communityId) return [];
    const { profiles, df } = community(question.communityId);
    load ??= askLoad(asksFrom({ notes: seen, events }), at);
    return routeQuestion({
      topics: topicsOf(question),
      ...(question.author?.id ? { askerId: question.author.id } : {}),
      profiles,
      df,
      optedOut,
      recentAsks: load,
      withReasons: false,
    }).map((s) => s.memberId);
  };
}

/** One question's helpers (see `helperRouter`; routing many questions, build the router once). */
export function helpersFor(question: Note, input: RouterInput): string[] {
  return helperRouter(input)(question);
}

/** Applied after any cache: an opt-out takes effect at once, whatever was computed before it. */
export function withoutOptedOut(helpers: string[], optedOut: ReadonlySet<string> = new Set()): string[] {
  return optedOut.size === 0 ? helpers : helpers.filter((id) => !optedOut.has(id));
}
