import { describe, expect, it } from 'vitest';
import { NOTE_SCHEMA_VERSION, type Note } from '../model';
import { formatHlc } from './hlc';
import { mergeRemoteNote, mergeThanks, mergeTombstone, rejectedDraft } from './merge';

const C = 'community-1';
const ctx = { communityId: C, newId: () => 'draft-id', now: 500 };
const note = (over: Partial<Note> = {}): Note => ({
  schemaVersion: NOTE_SCHEMA_VERSION,
  id: '0190a6f0-0000-7000-8000-000000000001',
  kind: 'insight',
  quote: 'q',
  takeaway: 'local',
  tags: [],
  selectors: [],
  page: { url: 'https://example.org/', canonicalUrl: 'https://example.org/', title: 'E' },
  pageKey: 'example.org',
  createdAt: 1,
  updatedAt: 1,
  communityId: C,
  author: { id: 'ada', name: 'Ada' },
  ...over,
});
const remote = (hlc: number, over: Partial<Note> = {}) =>
  note({ takeaway: 'remote', sync: { hlc: formatHlc(hlc, 0) }, ...over });

describe('mergeRemoteNote', () => {
  it('stores a note it did not have, in this community, with the server version', () => {
    const d = mergeRemoteNote(undefined, remote(5, { communityId: undefined }), 7, ctx);
    expect(d).toMatchObject({ kind: 'take', note: { takeaway: 'remote', communityId: C, sync: { version: 7 } } });
  });
  it('takes the server state over a settled local copy', () => {
    expect(mergeRemoteNote(note({ sync: { hlc: formatHlc(9, 0) } }), remote(5), 8, ctx).kind).toBe('take');
  });
  it('keeps a pending local edit with a later clock; yields to a later remote one', () => {
    const pending = note({ sync: { hlc: formatHlc(9, 0), isPending: true } });
    expect(mergeRemoteNote(pending, remote(5), 8, ctx)).toEqual({ kind: 'keep' });
    expect(mergeRemoteNote(pending, remote(12), 8, ctx)).toMatchObject({
      kind: 'take',
      note: { sync: { isPending: true } },
    });
  });
  it('on an exact clock tie keeps ours but remembers the server copy in case ours loses the client-id tie-break', () => {
    const pending = note({ sync: { hlc: formatHlc(9, 0), isPending: true } });
    expect(mergeRemoteNote(pending, remote(9), 8, ctx)).toMatchObject({ kind: 'keep', shadow: { takeaway: 'remote' } });
  });
  it('never lets a deleted note come back, nor another author or community overwrite', () => {
    expect(mergeRemoteNote(note({ deletedAt: 3 }), remote(50), 8, ctx).kind).toBe('keep');
    expect(mergeRemoteNote(note(), remote(50, { author: { id: 'eve', name: 'Eve' } }), 8, ctx).kind).toBe('ignore');
    expect(mergeRemoteNote(undefined, remote(50, { communityId: 'other' }), 8, ctx).kind).toBe('ignore');
    expect(mergeRemoteNote(note({ communityId: null }), remote(50), 8, ctx).kind).toBe('ignore');
  });
});

describe('mergeTombstone', () => {
  const stone = { noteId: note().id, deletedAt: 40, version: 9 };
  it('deletes a settled note', () => {
    expect(mergeTombstone(note(), stone, ctx)).toMatchObject({ kind: 'tombstone', note: { deletedAt: 40 } });
    expect(mergeTombstone(note(), stone, ctx)).not.toHaveProperty('draft');
  });
  it('keeps an unsent edit as a personal rejected draft under a new id', () => {
    const d = mergeTombstone(note({ takeaway: 'my edit', sync: { isPending: true } }), stone, ctx);
    if (d.kind !== 'tombstone') throw new Error(d.kind);
    expect(d.draft).toMatchObject({
      id: 'draft-id',
      takeaway: 'my edit',
      communityId: null,
      sync: { isRejected: true },
    });
    expect(d.draft).not.toHaveProperty('deletedAt');
  });
  it('ignores tombstones of notes it never had', () => {
    expect(mergeTombstone(undefined, stone, ctx).kind).toBe('ignore');
  });
});

describe('rejectedDraft and mergeThanks', () => {
  it('caps the reason and strips sync bookkeeping', () => {
    const d = rejectedDraft(note({ sync: { version: 3, hlc: formatHlc(1, 0) } }), 'x'.repeat(900), ctx);
    expect(d.sync).toEqual({ isRejected: true, rejectReason: 'x'.repeat(500) });
  });
  it('is a set; our unsent intent overrides the server', () => {
    expect(mergeThanks(['b', 'a', 'a'], 'me', undefined)).toEqual(['a', 'b']);
    expect(mergeThanks(['a'], 'me', true)).toEqual(['a', 'me']);
    expect(mergeThanks(['a', 'me'], 'me', false)).toEqual(['a']);
  });
});
