import type { Result } from '../model';
import { MemberListSchema, MemberSchema, ModerationResultSchema, type Member, type ModerationResult } from './protocol';
import { call, type CallError, type Fetcher } from './transport';

/** Where and as whom: a facilitator's or admin's membership of one community. */
export interface ModeratorAccess {
  fetcher: Fetcher;
  endpoint: string;
  token: string;
}

/** Who the token holder is in the community (their role decides whether they see the moderation section). */
export function fetchMe(a: ModeratorAccess, now: number): Promise<Result<Member, CallError>> {
  return call(a.fetcher, a.endpoint, '/v1/members/me', MemberSchema, { method: 'GET', token: a.token, now });
}

/** The community's current members, with their roles. */
export async function fetchMembers(a: ModeratorAccess, now: number): Promise<Result<Member[], CallError>> {
  const res = await call(a.fetcher, a.endpoint, '/v1/members', MemberListSchema, {
    method: 'GET',
    token: a.token,
    now,
  });
  return res.ok ? { ok: true, value: res.value.members } : res;
}

/** Deletes any note of the community for everyone (the options page's moderation section calls this). */
export function moderateNote(
  a: ModeratorAccess,
  noteId: string,
  now: number,
): Promise<Result<ModerationResult, CallError>> {
  return call(a.fetcher, a.endpoint, `/v1/notes/${encodeURIComponent(noteId)}`, ModerationResultSchema, {
    method: 'DELETE',
    token: a.token,
    now,
  });
}

/** Deletes all of one member's notes for everyone, a removed member's included. */
export function moderateMemberNotes(
  a: ModeratorAccess,
  memberId: string,
  now: number,
): Promise<Result<ModerationResult, CallError>> {
  return call(a.fetcher, a.endpoint, `/v1/members/${encodeURIComponent(memberId)}/notes`, ModerationResultSchema, {
    method: 'DELETE',
    token: a.token,
    now,
  });
}
