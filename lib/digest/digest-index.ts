import type { Note, Person } from '../model';
import type { Replayed } from '../questions/replay';
import type { NoteSummary } from './note-summary';
import { isReplayedAnswered } from './reopened';
import { PERSONAL, type DigestIndex, type WeekStats } from './types';

/** Who harvested a note: its author, or the local user for a personal note saved without one. */
export function authorOf(note: Pick<Note, 'author'>, meIds: readonly string[]): Person {
  return note.author ?? { id: meIds[0] ?? 'me', name: '' };
}

export const communityKey = (note: Pick<Note, 'communityId'>): string => note.communityId ?? PERSONAL;

const DEEP = new Set(['snippet', 'template', 'story']);

export function emptyIndex(timeZone: string): DigestIndex {
  return {
    v: 1,
    timeZone,
    cursor: 0,
    lastCreatedAt: 0,
    authors: {},
    questions: {},
    answers: {},
    communities: {},
    weeks: {},
  };
}

/**
 * Advances `index` by notes new or changed since its cursor (mutating it: callers own their copy). Returns the
 * creation times of folded notes so callers can drop the cached weeks they fall in.
 */
export function foldNotes(index: DigestIndex, notes: readonly NoteSummary[], meIds: readonly string[]): number[] {
  const touched: number[] = [];
  for (const n of notes) {
    foldNote(index, n, meIds);
    touched.push(n.createdAt);
  }
  return touched;
}

/**
 * Folds one note into `index`. Keeps nothing of `n` itself (only its values), so a caller may pass one object
 * refilled for each note (lib/db/summary-fold.ts reads bucket columns that way, with no object per note).
 */
export function foldNote(index: DigestIndex, n: NoteSummary, meIds: readonly string[]): void {
  if (n.updatedAt > index.cursor) index.cursor = n.updatedAt;
  const isLive = n.deletedAt === undefined;
  // `delete` only what is there: deleting absent keys, once per note, made folding a big store slow.
  if (isLive && n.kind === 'question') index.questions[n.id] = { c: n.createdAt, cm: n.communityId ?? null };
  else if (n.id in index.questions) delete index.questions[n.id];
  const answers = n.links?.answers;
  if (isLive && answers) index.answers[n.id] = { q: answers, c: n.createdAt };
  else if (n.id in index.answers) delete index.answers[n.id];
  if (!isLive) return;
  if (n.createdAt > index.lastCreatedAt) index.lastCreatedAt = n.createdAt;
  const a = authorOf(n, meIds);
  const known = index.authors[a.id];
  if (!known || n.createdAt < known.first)
    index.authors[a.id] = { name: a.name || known?.name || '', first: n.createdAt };
  const cm = communityKey(n);
  index.communities[cm] = Math.max(index.communities[cm] ?? 0, n.createdAt);
}

export const emptyWeek = (): WeekStats => ({ notes: 0, deep: 0, links: 0, authors: {} });

/** Counts one live note into its week's stats; like `foldNote`, keeps nothing of `n`. */
export function countInWeek(s: WeekStats, n: NoteSummary, meIds: readonly string[]): void {
  s.notes++;
  if (DEEP.has(n.kind)) s.deep++;
  else if (n.kind === 'link') s.links++;
  const id = authorOf(n, meIds).id;
  s.authors[id] = (s.authors[id] ?? 0) + 1;
}

/** One week's contribution counts from the live notes created in it. */
export function weekStats(notes: readonly NoteSummary[], meIds: readonly string[]): WeekStats {
  const s = emptyWeek();
  for (const n of notes) if (n.deletedAt === undefined) countInWeek(s, n, meIds);
  return s;
}

/**
 * Open questions, longest waiting first. A question is answered when a live note answers it, unless someone
 * said "no, that didn't answer it": then its replay (`reopened`, reopened.ts) decides, and it waits from that "no".
 */
export function unansweredIds(
  index: DigestIndex,
  limit = Infinity,
  reopened: ReadonlyMap<string, Replayed> = new Map(),
): string[] {
  const answered = new Set<string>();
  for (const a of Object.values(index.answers)) answered.add(a.q);
  const open: [string, number][] = [];
  for (const [id, q] of Object.entries(index.questions)) {
    const r = reopened.get(id);
    if (r ? !isReplayedAnswered(r) : !answered.has(id)) open.push([id, r ? r.clock : q.c]);
  }
  return open
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([id]) => id);
}

/** Since when an open question has waited: its harvest, or the latest "no" that reopened it. */
export const waitingSince = (index: DigestIndex, id: string, reopened: ReadonlyMap<string, Replayed>): number =>
  reopened.get(id)?.clock ?? index.questions[id]!.c;
