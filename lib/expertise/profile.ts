import { DAY_MS, HALF_LIFE_DAYS, KIND_WEIGHT, type Evidence, type Profile } from './types';

export interface ProfileOptions {
  now: number;
  halfLifeDays?: number;
  /**
   * Whose eyes: private evidence counts only in the viewer's own profile. `null` is the public view (routing
   * for someone else's question): no private evidence at all.
   */
  viewerId: string | null;
}

/** The weight left of evidence `ageMs` old (evidence from the future counts as today). */
export function decay(ageMs: number, halfLifeDays = HALF_LIFE_DAYS): number {
  return Math.pow(0.5, Math.max(0, ageMs) / (halfLifeDays * DAY_MS));
}

/**
 * Every member's profile as `viewerId` may see it: evidence after `now` is ignored (it cannot be known yet),
 * private evidence is dropped unless it is the viewer's own.
 */
export function buildProfiles(evidence: readonly Evidence[], options: ProfileOptions): Map<string, Profile> {
  const out = new Map<string, Profile>();
  for (const e of evidence) {
    if (e.at > options.now) continue;
    if (e.isPrivate && e.memberId !== options.viewerId) continue;
    let p = out.get(e.memberId);
    if (!p) out.set(e.memberId, (p = { memberId: e.memberId, topics: new Map(), total: 0, answers: 0, evidence: [] }));
    const w = KIND_WEIGHT[e.kind] * decay(options.now - e.at, options.halfLifeDays);
    p.total += w;
    if (e.kind === 'answered' || e.kind === 'confirmed') p.answers += 1;
    for (const t of new Set(e.topics)) p.topics.set(t, (p.topics.get(t) ?? 0) + w);
    p.evidence.push(e);
  }
  for (const p of out.values()) p.evidence.sort((a, b) => b.at - a.at);
  return out;
}
