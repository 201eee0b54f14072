import type { Result } from '../model';
import { ModerationResultSchema, type ModerationResult } from './protocol';
import { call, type CallError, type Fetcher } from './transport';

/** Where and as whom: a facilitator's or admin's membership of one community. */
export interface ModeratorAccess {
  fetcher: Fetcher;
  endpoint: string;
  token: string;
}

/** Deletes any note of the community for everyone (the options page's moderation section calls this). */
export function moderateNote(
  a: ModeratorAccess,
  noteId: string,
  now: number,
): Promise<Result<ModerationResult, CallError>> {
  // hc puts path parameters in as they are: encode them, as for any URL.
  const param = { id: encodeURIComponent(noteId) };
  return call(a.fetcher, a.endpoint, (api) => api.v1.notes[':id'].$delete({ param }), ModerationResultSchema, {
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
  const param = { id: encodeURIComponent(memberId) };
  return call(a.fetcher, a.endpoint, (api) => api.v1.members[':id'].notes.$delete({ param }), ModerationResultSchema, {
    token: a.token,
    now,
  });
}
