import type { Note, Person } from '../model';

/**
 * What the rituals read from the harvest. Until the question states of lib/questions land, a question is open
 * when no live note answers it (the digest's rule); this is the one seam to swap for those states.
 */
export interface OpenQuestionView {
  note: Note;
  /** Distinct other members who added a "me too" to it. */
  meToos: number;
}

export const isLive = (n: Note) => n.deletedAt === undefined;

/**
 * A note from a private channel or a DM is never announced to a community channel: a ritual post is read by
 * the whole channel, so those notes stay out of every post.
 */
export const isAnnounceable = (n: Note) => isLive(n) && n.chat?.isPrivate !== true;

export const personOf = (n: Note): Person => n.author ?? { id: 'unknown', name: '' };

/** The open questions of `notes` (one community's), each with its distinct "me too"s. */
export function openQuestions(notes: readonly Note[]): OpenQuestionView[] {
  const answered = new Set<string>();
  const meToos = new Map<string, Set<string>>();
  for (const n of notes) {
    if (!isLive(n) || !n.links) continue;
    if (n.links.answers) answered.add(n.links.answers);
    if (n.links.addsTo) {
      const s = meToos.get(n.links.addsTo) ?? new Set<string>();
      s.add(personOf(n).id);
      meToos.set(n.links.addsTo, s);
    }
  }
  const out: OpenQuestionView[] = [];
  for (const n of notes) {
    if (n.kind !== 'question' || !isAnnounceable(n) || answered.has(n.id)) continue;
    const others = meToos.get(n.id) ?? new Set<string>();
    others.delete(personOf(n).id);
    out.push({ note: n, meToos: others.size });
  }
  return out;
}

/** Oldest first, ties by id: the order every list falls back to, so equal input gives equal posts. */
export const oldestFirst = (a: Note, b: Note) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
export const newestFirst = (a: Note, b: Note) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);
