import type { Note } from '../model';
import { compareHlc } from './hlc';

/**
 * Pure merge rules for what a pull brings. The server already settled conflicts between devices (greater
 * (hlc, clientId) wins, deletes final, author-only); the client's job is to take the server's word unless it
 * holds a change the server has not judged yet, and never to lose the user's words.
 */
export type Decision =
  /** Store the server's note. */
  | { kind: 'take'; note: Note }
  /** Keep ours: a pending change the server will judge. `shadow` is the server's state, for if ours loses a tie. */
  | { kind: 'keep'; shadow?: Note }
  /** The note is deleted for good; `draft` keeps an unsent edit of it as a personal rejected draft. */
  | { kind: 'tombstone'; note: Note; draft?: Note }
  /** Not ours to store: another community's, or an overwrite by someone who is not the author. */
  | { kind: 'ignore'; reason: string };

export interface MergeContext {
  communityId: string;
  /** Makes ids for rejected drafts (the caller owns randomness). */
  newId: () => string;
  now: number;
}

/** A live note from the server, against what we hold under its id. */
export function mergeRemoteNote(local: Note | undefined, remote: Note, version: number, ctx: MergeContext): Decision {
  if (remote.communityId && remote.communityId !== ctx.communityId)
    return { kind: 'ignore', reason: 'other community' };
  const incoming: Note = {
    ...remote,
    communityId: ctx.communityId,
    sync: { version, ...(remote.sync?.hlc ? { hlc: remote.sync.hlc } : {}) },
  };
  if (!local) return { kind: 'take', note: incoming };
  if (local.communityId !== ctx.communityId) return { kind: 'ignore', reason: 'id used by another note' };
  if (local.author && remote.author && local.author.id !== remote.author.id) {
    return { kind: 'ignore', reason: 'not the author' };
  }
  if (local.deletedAt !== undefined) return { kind: 'keep' };
  if (!local.sync?.isPending) return { kind: 'take', note: incoming };
  const order = compareHlc(remote.sync?.hlc ?? '', local.sync.hlc ?? '');
  if (order > 0) return { kind: 'take', note: { ...incoming, sync: { ...incoming.sync, isPending: true } } };
  return order === 0 ? { kind: 'keep', shadow: incoming } : { kind: 'keep' };
}

/** A tombstone from the server: delete is final, but an unsent edit survives as a rejected draft. */
export function mergeTombstone(
  local: Note | undefined,
  tombstone: { noteId: string; deletedAt: number; version: number },
  ctx: MergeContext,
): Decision {
  if (!local) return { kind: 'ignore', reason: 'never had it' };
  if (local.communityId !== ctx.communityId) return { kind: 'ignore', reason: 'id used by another note' };
  const note: Note = {
    ...local,
    deletedAt: local.deletedAt ?? tombstone.deletedAt,
    updatedAt: Math.max(local.updatedAt, tombstone.deletedAt),
    sync: { ...local.sync, version: tombstone.version, isPending: false },
  };
  const hasUnsentEdit = local.deletedAt === undefined && local.sync?.isPending === true;
  return hasUnsentEdit
    ? { kind: 'tombstone', note, draft: rejectedDraft(local, 'Deleted on another device', ctx) }
    : { kind: 'tombstone', note };
}

/**
 * The user's words, kept when the server refused them: a personal note (never synced) flagged as rejected,
 * with the reason, under a new id so it cannot collide with the refused one.
 */
export function rejectedDraft(note: Note, reason: string, ctx: Pick<MergeContext, 'newId' | 'now'>): Note {
  const { deletedAt: _gone, ...rest } = note;
  return {
    ...rest,
    id: ctx.newId(),
    communityId: null,
    updatedAt: ctx.now,
    sync: { isRejected: true, rejectReason: reason.slice(0, 500) },
  };
}

/**
 * The thank set after a pull: the server's members, except that our own thank follows our unsent intent
 * (`pendingMine`: true = thanked, false = withdrawn, undefined = nothing queued).
 */
export function mergeThanks(serverIds: readonly string[], me: string, pendingMine: boolean | undefined): string[] {
  const set = new Set(serverIds);
  if (pendingMine === true) set.add(me);
  if (pendingMine === false) set.delete(me);
  return [...set].sort();
}
