import type { Note } from '../model';
import type { Member, Role } from './protocol';
import type { CallError } from './transport';

/** A community note as the moderation section lists it. */
export interface ModeratedNote {
  id: string;
  authorId: string;
  authorName: string;
  takeaway: string;
  quote: string;
  createdAt: number;
}

/** Someone whose notes a moderator may take down: a current member, or a removed one whose notes are still here. */
export interface ModeratedMember {
  id: string;
  name: string;
  /** Null: no longer a member (removed, or left), yet their notes are still in this browser's copy. */
  role: Role | null;
  /** Their live notes in this browser's copy of the community (what the last sync brought). */
  noteCount: number;
}

export interface ModerationView {
  members: ModeratedMember[];
  notes: ModeratedNote[];
}

/** Facilitators and admins moderate; members do not see the section at all. */
export const canModerate = (role: Role): boolean => role === 'admin' || role === 'facilitator';

/**
 * The section's contents: current members from the endpoint, and the community's live notes from this browser's
 * copy, grouped by author. Authors who are no longer members still appear (their notes are what most often has
 * to go). Newest notes first; members in the endpoint's order, former members after them.
 */
export function buildModerationView(members: Member[], communityId: string, notes: Note[]): ModerationView {
  const live = notes
    .filter((n) => n.communityId === communityId && n.deletedAt === undefined && n.author)
    .map((n): ModeratedNote => ({
      id: n.id,
      authorId: n.author!.id,
      authorName: n.author!.name,
      takeaway: n.takeaway,
      quote: n.quote,
      createdAt: n.createdAt,
    }))
    .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  const counts = new Map<string, number>();
  for (const n of live) counts.set(n.authorId, (counts.get(n.authorId) ?? 0) + 1);
  const rows: ModeratedMember[] = members.map((m) => ({
    id: m.id,
    name: m.displayName,
    role: m.role,
    noteCount: counts.get(m.id) ?? 0,
  }));
  const known = new Set(members.map((m) => m.id));
  const former = new Map<string, ModeratedMember>();
  for (const n of live) {
    if (known.has(n.authorId) || former.has(n.authorId)) continue;
    former.set(n.authorId, { id: n.authorId, name: n.authorName, role: null, noteCount: counts.get(n.authorId)! });
  }
  return { members: [...rows, ...[...former.values()].sort((a, b) => a.name.localeCompare(b.name))], notes: live };
}

/** The notes list, narrowed to one author (`memberId`, '' for all) and to words found in takeaway or quote. */
export function filterModeratedNotes(notes: ModeratedNote[], memberId: string, query: string): ModeratedNote[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return notes.filter((n) => {
    if (memberId && n.authorId !== memberId) return false;
    const text = `${n.takeaway}\n${n.quote}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** What a confirmation dialog says: exactly what will happen, and to whom. */
export interface Confirmation {
  title: string;
  body: string;
  /** The confirming button's label. */
  action: string;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function confirmRemoveNote(note: ModeratedNote, communityName: string): Confirmation {
  return {
    title: 'Remove this note for everyone?',
    body:
      `${note.authorName}’s note “${short(note.takeaway || note.quote)}” will be deleted from ${communityName} ` +
      'on the endpoint, for every member. It leaves each browser, this one included, at its next sync. ' +
      'This cannot be undone.',
    action: 'Remove note',
  };
}

export function confirmRemoveMemberNotes(member: ModeratedMember, communityName: string): Confirmation {
  const who = member.role === null ? `${member.name} (no longer a member)` : member.name;
  return {
    title: `Remove all of ${member.name}’s notes for everyone?`,
    body:
      `Every note ${who} shared in ${communityName} will be deleted on the endpoint, for every member ` +
      `(${plural(member.noteCount, 'note')} in this browser’s copy; the endpoint may hold more). They leave each ` +
      'browser, this one included, at its next sync. Their membership is unchanged. This cannot be undone.',
    action: `Remove ${member.name}’s notes`,
  };
}

/** What happened, said once the endpoint has answered. */
export function describeRemoval(deleted: number): string {
  if (deleted === 0) return 'Nothing to remove: the endpoint holds no such live note any more.';
  return `Removed ${plural(deleted, 'note')} for everyone. They leave this browser at the next sync (started now).`;
}

/** Why the endpoint refused, in the moderator's terms. */
export function describeModerationError(e: CallError): string {
  if (e.kind === 'network') return 'Not removed: offline, or the endpoint cannot be reached. Nothing changed.';
  if (e.status === 401) return 'Not removed: the endpoint no longer accepts this device (rejoin with an invite).';
  if (e.status === 403)
    return `Not removed: ${e.message || 'your role does not allow it'} (only facilitators and admins moderate; facilitators moderate members only).`;
  if (e.status === 404) return 'Not removed: the endpoint knows no such note or member in this community.';
  if (e.status === 429) return 'Not removed: the endpoint is busy (rate limited). Try again in a moment.';
  return `Not removed: ${e.message.slice(0, 200)}`;
}
