import { compareStamps } from '../../../lib/sync/hlc';
import type { Mutation, RejectReason } from '../../../lib/sync/protocol';
import { ApiHttpError } from '../http/errors';
import type { AuthContext } from '../http/env';
import type { NoteState } from './note-state';

export type Outcome =
  | { status: 'applied'; version?: number; isSuperseded?: boolean }
  | { status: 'rejected'; reason: RejectReason; message: string };

/** The batch being applied: notes loaded up front, the caller's thanks, and the version counter. */
export interface Batch {
  auth: AuthContext;
  now: number;
  notes: Map<string, NoteState>;
  thanked: Set<string>;
  thanksAdded: Set<string>;
  thanksRemoved: Set<string>;
  deletedNotes: Set<string>;
  /** Question events already stored (by id) and those this batch adds. */
  questionEventIds: Set<string>;
  questionEvents: NewQuestionEvent[];
  nextVersion: () => number;
}

export interface NewQuestionEvent {
  id: string;
  noteId: string;
  type: string;
  at: number;
  body: Record<string, unknown>;
}

const refuse = (
  m: Mutation,
  status: 403 | 404 | 409 | 422,
  code: 'forbidden' | 'not_found' | 'conflict' | 'unprocessable',
  why: string,
) =>
  new ApiHttpError(status, code, `Mutation ${m.clientId}#${m.mutationNumber} (${m.op}): ${why}; nothing was applied`);

const rejected = (reason: RejectReason, message: string): Outcome => ({ status: 'rejected', reason, message });

/**
 * The conflict rules of lib/sync/protocol.ts for one mutation. Throws (refusing the whole batch) for what a
 * correct client never sends; returns `rejected` for what an honest offline client can meet.
 */
export function applyMutation(batch: Batch, m: Mutation): Outcome {
  const id = m.op === 'create' ? m.note.id : m.noteId;
  // Only the caller's community's notes are loaded (a note is (community, id)): another community's id is
  // unknown here, and answered as any unknown id, so nobody learns which ids exist elsewhere.
  const note = batch.notes.get(id);
  const mine = batch.auth;
  if (m.op === 'create') {
    if (m.note.communityId != null && m.note.communityId !== mine.communityId) {
      throw refuse(m, 403, 'forbidden', 'the note names another community');
    }
    if (note && note.authorId !== mine.memberId) {
      throw refuse(m, 409, 'conflict', 'this note id belongs to someone else');
    }
  }
  if (!note) {
    if (m.op !== 'create' && m.op !== 'delete') return rejected('not_found', 'No such note on this server');
    // A delete of a note this server lost (restored from a backup) still leaves a tombstone: another device's
    // stale copy re-sent later must not bring the note back, because deletes are final.
    const body = m.op === 'create' ? withoutServerFields(m.note) : null;
    const created: NoteState = {
      id,
      communityId: mine.communityId,
      authorId: mine.memberId,
      version: batch.nextVersion(),
      hlc: m.hlc,
      hlcClient: m.clientId,
      body,
      deletedAt: body ? null : batch.now,
      bodyBytes: 0,
      isDirty: true,
    };
    batch.notes.set(id, created);
    if (!body) batch.deletedNotes.add(id);
    return { status: 'applied', version: created.version };
  }
  switch (m.op) {
    case 'create':
    case 'edit':
      return applyEdit(batch, note, m);
    case 'delete':
      return applyDelete(batch, note, m);
    case 'thank':
    case 'unthank':
      return applyThank(batch, note, m);
    case 'question-event':
      return applyQuestionEvent(batch, note, m);
  }
}

function applyQuestionEvent(batch: Batch, note: NoteState, m: Extract<Mutation, { op: 'question-event' }>): Outcome {
  if (note.body === null) return rejected('deleted', 'The question was deleted');
  if (note.body.kind !== 'question') throw refuse(m, 422, 'unprocessable', 'events go on questions only');
  const { auth } = batch;
  if (m.event.type === 'confirmed' && note.authorId !== auth.memberId && auth.role === 'member') {
    throw refuse(m, 403, 'forbidden', 'only the asker or a facilitator confirms an answer');
  }
  if (batch.questionEventIds.has(m.event.id)) return { status: 'applied' };
  batch.questionEventIds.add(m.event.id);
  const { id, type, at, ...rest } = m.event;
  batch.questionEvents.push({ id, noteId: note.id, type, at, body: rest });
  Object.assign(note, { version: batch.nextVersion(), isDirty: true });
  return { status: 'applied', version: note.version };
}

function applyEdit(batch: Batch, note: NoteState, m: Extract<Mutation, { op: 'create' | 'edit' }>): Outcome {
  if (note.authorId !== batch.auth.memberId) throw refuse(m, 403, 'forbidden', 'only the author edits a note');
  if (note.body === null) return rejected('deleted', 'The note was deleted; deletes are final');
  if (compareStamps({ hlc: m.hlc, clientId: m.clientId }, { hlc: note.hlc, clientId: note.hlcClient }) <= 0) {
    return { status: 'applied', isSuperseded: true };
  }
  if (m.op === 'create') {
    note.body = withoutServerFields(m.note);
  } else {
    const updatedAt = Math.max(Number(note.body.updatedAt) || 0, batch.now);
    note.body = { ...note.body, ...m.patch, ...(m.patch.tags ? { tags: [...new Set(m.patch.tags)] } : {}), updatedAt };
  }
  Object.assign(note, { hlc: m.hlc, hlcClient: m.clientId, version: batch.nextVersion(), isDirty: true });
  return { status: 'applied', version: note.version };
}

function applyDelete(batch: Batch, note: NoteState, m: Mutation): Outcome {
  if (note.authorId !== batch.auth.memberId) throw refuse(m, 403, 'forbidden', 'only the author deletes a note');
  if (note.body === null) return { status: 'applied' };
  Object.assign(note, { body: null, deletedAt: batch.now, version: batch.nextVersion(), isDirty: true });
  batch.deletedNotes.add(note.id);
  return { status: 'applied', version: note.version };
}

function applyThank(batch: Batch, note: NoteState, m: Extract<Mutation, { op: 'thank' | 'unthank' }>): Outcome {
  const isOwn = note.authorId === batch.auth.memberId;
  const has = batch.thanked.has(note.id);
  if (m.op === 'thank') {
    if (isOwn) throw refuse(m, 422, 'unprocessable', 'you cannot thank your own note');
    if (note.body === null) return rejected('deleted', 'The note was deleted');
    if (has) return { status: 'applied' };
    batch.thanked.add(note.id);
    batch.thanksAdded.add(note.id);
    batch.thanksRemoved.delete(note.id);
  } else {
    if (note.body === null || !has) return { status: 'applied' };
    batch.thanked.delete(note.id);
    batch.thanksRemoved.add(note.id);
    batch.thanksAdded.delete(note.id);
  }
  Object.assign(note, { version: batch.nextVersion(), isDirty: true });
  return { status: 'applied', version: note.version };
}

/** The stored body: author, community and sync come from the server, never from the client. */
function withoutServerFields(note: Extract<Mutation, { op: 'create' }>['note']): Record<string, unknown> {
  const { author: _a, sync: _s, communityId: _c, ...body } = note;
  return body;
}
