import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import {
  buildModerationView,
  canModerate,
  confirmRemoveMemberNotes,
  confirmRemoveNote,
  describeModerationError,
  describeRemoval,
  filterModeratedNotes,
} from './moderation-view';
import type { Member } from './protocol';

const member = (id: string, displayName: string, role: Member['role']): Member => ({
  id,
  displayName,
  role,
  joinedAt: 1,
});
const note = (id: string, authorId: string, name: string, takeaway: string, over: Partial<Note> = {}) =>
  ({
    id,
    kind: 'insight',
    quote: `quote of ${id}`,
    takeaway,
    tags: [],
    selectors: [],
    page: { url: 'https://example.org/', title: 'P' },
    pageKey: 'example.org/',
    createdAt: Number(id.replace(/\D/g, '')),
    updatedAt: 1,
    communityId: 'c1',
    author: { id: authorId, name },
    ...over,
  }) as Note;

const members = [member('m-ada', 'Ada', 'admin'), member('m-bea', 'Bea', 'member')];
const notes = [
  note('n1', 'm-bea', 'Bea', 'Pair early'),
  note('n2', 'm-bea', 'Bea', 'Buy cheap pills now'),
  note('n3', 'm-eve', 'Eve', 'Buy more pills'),
  note('n4', 'm-ada', 'Ada', 'Gone', { deletedAt: 5 }),
  note('n5', 'm-ada', 'Ada', 'Elsewhere', { communityId: 'c2' }),
  note('n6', 'm-ada', 'Ada', 'Personal', { communityId: null, author: undefined }),
];

describe('the moderation view', () => {
  it('only facilitators and admins moderate', () => {
    expect([canModerate('admin'), canModerate('facilitator'), canModerate('member')]).toEqual([true, true, false]);
  });

  it('counts each author’s live notes of this community; removed authors are listed after the members', () => {
    const view = buildModerationView(members, 'c1', notes);
    expect(view.members).toEqual([
      { id: 'm-ada', name: 'Ada', role: 'admin', noteCount: 0 },
      { id: 'm-bea', name: 'Bea', role: 'member', noteCount: 2 },
      { id: 'm-eve', name: 'Eve', role: null, noteCount: 1 },
    ]);
    expect(view.notes.map((n) => n.id)).toEqual(['n3', 'n2', 'n1']);
  });

  it('filters notes by author and by every word, in takeaway or quote', () => {
    const { notes: all } = buildModerationView(members, 'c1', notes);
    expect(filterModeratedNotes(all, '', 'pills').map((n) => n.id)).toEqual(['n3', 'n2']);
    expect(filterModeratedNotes(all, 'm-bea', 'PILLS').map((n) => n.id)).toEqual(['n2']);
    expect(filterModeratedNotes(all, 'm-bea', '').map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(filterModeratedNotes(all, '', 'quote n1').map((n) => n.id)).toEqual(['n1']);
    expect(filterModeratedNotes(all, 'm-ada', '')).toEqual([]);
  });

  it('confirmations say what happens, to whom, and when it reaches this browser', () => {
    const view = buildModerationView(members, 'c1', notes);
    const eve = view.members.find((m) => m.id === 'm-eve')!;
    const c = confirmRemoveMemberNotes(eve, 'Makers');
    expect(c.title).toBe('Remove all of Eve’s notes for everyone?');
    expect(c.body).toContain('Eve (no longer a member)');
    expect(c.body).toContain('1 note in this browser’s copy');
    expect(c.body).toContain('next sync');
    expect(c.action).toBe('Remove Eve’s notes');
    const one = confirmRemoveNote(view.notes[1]!, 'Makers');
    expect(one.body).toContain('Bea’s note “Buy cheap pills now” will be deleted from Makers');
    expect(confirmRemoveNote({ ...view.notes[1]!, takeaway: 'x'.repeat(300) }, 'M').body.length).toBeLessThan(400);
  });

  it('says what the endpoint did, and why it refused', () => {
    expect(describeRemoval(0)).toMatch(/^Nothing to remove/);
    expect(describeRemoval(3)).toBe(
      'Removed 3 notes for everyone. They leave this browser at the next sync (started now).',
    );
    expect(describeModerationError({ kind: 'network', message: 'Failed to fetch' })).toMatch(/offline/);
    expect(
      describeModerationError({
        kind: 'http',
        status: 403,
        code: 'forbidden',
        message: 'Facilitators moderate members’ notes only',
      }),
    ).toMatch(/^Not removed: Facilitators moderate members’ notes only/);
    expect(describeModerationError({ kind: 'http', status: 404, message: 'x' })).toMatch(/no such note or member/);
  });
});
