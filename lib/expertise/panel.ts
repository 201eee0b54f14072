import type { Note } from '../model';
import { collectEvidence, topicsOf, type EvidenceInput } from './evidence';
import { buildProfiles } from './profile';
import { askLoad, asksFrom } from './asks';
import { routeQuestion, type Suggestion } from './route';
import type { Evidence } from './types';

/** One suggested member as the "Who might know" panel shows them: a name (member text) and reasons with notes. */
export interface HelperView {
  memberId: string;
  name: string;
  isRising: boolean;
  reasons: Suggestion['reasons'];
}

/** Member id -> the newest name their notes carry (authors and credited people); the id when none. */
export function memberNames(notes: readonly Note[]): Map<string, string> {
  const seen = new Map<string, { name: string; at: number }>();
  for (const n of notes)
    for (const p of [n.author, ...(n.contributors ?? [])]) {
      if (!p?.id || !p.name) continue;
      const had = seen.get(p.id);
      if (!had || had.at < n.updatedAt) seen.set(p.id, { name: p.name, at: n.updatedAt });
    }
  return new Map([...seen].map(([id, v]) => [id, v.name]));
}

/**
 * Two or three people for each open question (`routeQuestion` on the public view of everyone's profile, so
 * private evidence never shows to others): never the asker, never an opted-out member. Questions of another
 * community are routed within their own community. Load is how much each member was asked lately (`asksFrom`:
 * answers and relays of others' questions, decayed by `askLoad`), from the same notes and events.
 */
export function whoMightKnow(
  input: EvidenceInput & {
    questionIds: readonly string[];
    optedOut: ReadonlySet<string>;
    now: number;
  },
): Record<string, HelperView[]> {
  const byId = new Map(input.notes.map((n) => [n.id, n]));
  const names = memberNames(input.notes);
  const evidence = collectEvidence(input);
  const byCommunity = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const c = byId.get(e.noteId)?.communityId ?? '';
    byCommunity.set(c, [...(byCommunity.get(c) ?? []), e]);
  }
  const recentAsks = askLoad(asksFrom(input), input.now);
  const profilesOf = new Map<string, ReturnType<typeof buildProfiles>>();
  const out: Record<string, HelperView[]> = {};
  for (const id of input.questionIds) {
    const q = byId.get(id);
    if (!q || q.kind !== 'question') continue;
    const c = q.communityId ?? '';
    let profiles = profilesOf.get(c);
    if (!profiles)
      profilesOf.set(c, (profiles = buildProfiles(byCommunity.get(c) ?? [], { now: input.now, viewerId: null })));
    out[id] = routeQuestion({
      topics: topicsOf(q),
      ...(q.author?.id ? { askerId: q.author.id } : {}),
      profiles,
      optedOut: input.optedOut,
      recentAsks,
    }).map((s) => ({
      memberId: s.memberId,
      name: names.get(s.memberId) ?? 'A member',
      isRising: s.isRising,
      reasons: s.reasons,
    }));
  }
  return out;
}
