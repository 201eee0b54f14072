/**
 * THE sync protocol between the extension and a community endpoint (server/). Both sides validate with these
 * schemas; the server's OpenAPI document (/v1/openapi.json) is generated from `ENDPOINTS` below.
 *
 * ## Identity
 * - A member token (`Authorization: Bearer <token>`, never in a URL) belongs to one member of ONE community;
 *   the community always comes from the token, never from a body. Join with an invite code to get one; it is
 *   shown once. To sync several communities, hold one token per community.
 * - A member may mint more tokens for their other devices (POST /v1/tokens): same member, same author id.
 *
 * ## Push (POST /v1/sync/push)
 * - A batch of mutations. Each carries the sending client's `clientId` (stable per install) and a per-client
 *   `mutationNumber` that increases by exactly 1 per mutation (1, 2, 3...). The server applies a mutation only
 *   when its number is the client's last applied + 1 and records that number in the same transaction, so a
 *   replayed or duplicated request is harmless: `duplicate` (or, if it was rejected the first time, the same
 *   `rejected` answer again). A number beyond last + 1 (an earlier request got lost or reordered) is not applied:
 *   `deferred`, with `expectedMutationNumber`; resend from there. Counters are per (member, clientId).
 * - Results come back in request order, one per mutation.
 *
 * ## Conflicts, and what is refused outright
 * - Mutations a correct client can never send refuse the WHOLE batch with a 4xx `ApiError` (message names
 *   the clientId/mutationNumber) and change nothing, numbers included: editing or deleting another member's
 *   note (403 forbidden), thanking your own note
 *   (422 unprocessable), a create naming another community (403) or reusing an id of another member's note in
 *   this community (409 conflict). They are bugs or attacks, not conflicts.
 * - What an honest offline client can meet is a per-mutation `rejected` result instead, recorded like an
 *   applied one: `deleted` (the note was deleted meanwhile) and `not_found` (no such note anywhere, e.g. after
 *   a server restore). The server keys a note by (community, id): another community's note id is simply unknown
 *   here and answered exactly as an id never seen (a create makes this community's own note under that id, a
 *   delete leaves a tombstone here, edits and thanks are `rejected` with `not_found`): nobody learns which ids
 *   exist elsewhere. A client ignores a pulled note whose id it holds in another community (lib/sync/merge.ts).
 *   A `delete` of a note the server does not know is applied all the same, as a tombstone:
 *   after a restore, another device's stale copy must not bring back what the author deleted.
 * - Edits from the author's several devices: the edit with the greater (hlc, clientId) wins (lib/sync/hlc.ts;
 *   no wall clock is trusted). A losing edit is `applied` with `isSuperseded: true`: nothing to redo, pull
 *   brings the winner. A `create` of a note that already exists (a resend) is an edit of all its fields.
 * - A delete is final: an edit or thank of a deleted note is `rejected` with `deleted`; the client keeps its
 *   edit locally as a rejected draft (`note.sync.isRejected`), never silently drops it.
 * - Thanks are a set: one per member per note; thanking twice or unthanking an unthanked note is a no-op
 *   (`applied`).
 *
 * ## Pull (GET /v1/sync/pull?cursor=&limit=)
 * - Changes with version > cursor, in version order, `limit` per page (`hasMore` says keep going). Each change
 *   is the note's whole current state (with `thankedBy`), or a tombstone. Versions are assigned from a
 *   per-community counter under a row lock inside the writing transaction, so they commit in order and a
 *   reader never skips a row that committed late.
 * - The cursor is opaque and signed: send back exactly what you got (none for a first sync).
 * - `epoch` names the server's history. Each push that takes versions records a random token for them, and
 *   the cursor carries the token of the batch its version is in. If a client's cursor names a history the
 *   server does not hold (it is ahead, or its batch is unknown: the server was restored from a backup and
 *   later writes reused the numbers), the server starts a new epoch; a pull with an old-epoch cursor answers
 *   `isReset: true` and changes from the start. The client then drops its cursor-derived state, and re-sends as `create`s
 *   (and deletes/thanks) whatever of its own the server no longer has, renumbering from the
 *   `expectedMutationNumber` the server answers with.
 * - Deleted notes are not remembered for ever: the server compacts tombstones older than its retention period
 *   that every active member has pulled, and keeps the fence it compacted through. A cursor below the fence
 *   answers 410 `cursor_too_old`: the client pulls from scratch, drops every note the server did not send
 *   (they were deleted), and keeps only its own changes the server never had. Unlike the restore reset above
 *   it re-sends nothing the server once held: that would bring deletes back. An edit answered `not_found` waits
 *   for the same pass's pull: a restore reset re-sends the note whole; otherwise its tombstone was compacted,
 *   and the edit is kept as a rejected draft.
 * - A restore can also lose writes no cursor has passed yet (acknowledged, then the pull was lost). So a client
 *   remembers the notes the server acknowledged writing since its last complete pull; if the next complete pull
 *   does not bring each back, it pulls from scratch and re-sends, as after a new epoch.
 *
 * ## Errors
 * - Any non-2xx answer is `{ error: { code, message } }` (`ApiErrorSchema`); 429 and 503 carry Retry-After
 *   (seconds). A rejected request changes nothing.
 */
import { z } from 'zod';
import { NotePatchSchema, NoteSchema, safeText, TimeZoneSchema } from '../model';
import { RitualSchema } from '../digest/ritual-schema';
import { PulledQuestionEventSchema, QuestionEventBodySchema } from '../questions/events';
import { HLC_PATTERN } from './hlc';
import {
  AnswerInputSchema,
  OpenPollListSchema,
  PollInputSchema,
  PollListSchema,
  PollResultsSchema,
  PollSchema,
} from '../pulse/schema';
import {
  ImpactEntryInputSchema,
  ImpactEntryListSchema,
  ImpactEntrySchema,
  ImpactSettingsSchema,
  ImpactSettingsViewSchema,
  LedgerSummaryQuerySchema,
  LedgerSummarySchema,
  ReportConsentInputSchema,
  ReportConsentSchema,
  WeeklySummaryInputSchema,
  WeeklySummarySchema,
} from '../impact/schema';

export const PROTOCOL_VERSION = 1;
/** Server-side cap on request bodies, in bytes; clients size push batches to stay under it. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_PUSH_BATCH = 500;
/**
 * Cap on one note's serialised size (`JSON.stringify(note)` in UTF-8 bytes, see `noteBytes`): a create or an
 * edit past it is refused with 413 payload_too_large. Servers may set a lower cap; clients check before pushing.
 */
export const MAX_NOTE_BYTES = 1024 * 1024;
/** A note's size as MAX_NOTE_BYTES counts it. */
export const noteBytes = (note: unknown): number => new TextEncoder().encode(JSON.stringify(note)).length;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;

// ── Primitives ─────────────────────────────────────────────────────────────────────────────────────────────

export const NoteIdSchema = NoteSchema.shape.id;
/** Server-made ids (communities, members, invites, tokens): UUIDs. */
export const ServerIdSchema = z.uuid();
/** A stable id per extension install, made by the client. */
export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 of [A-Za-z0-9_-]');
export const MutationNumberSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const HlcSchema = z.string().regex(HLC_PATTERN, 'must be an HLC (lib/sync/hlc.ts)');
export const RoleSchema = z.enum(['member', 'facilitator', 'admin']);
export type Role = z.infer<typeof RoleSchema>;
/**
 * Bidirectional controls (embeddings, overrides, isolates, marks) reorder text on screen: in a name they make
 * one member look like another, or make what follows the name read backwards.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/**
 * Characters a reader does not see, so one member could pose as another with them (`Ada\u200B` beside `Ada`):
 * default-ignorable code points (zero-width spaces and joiners, variation selectors, fillers), format characters
 * (Cf) and controls (Cc).
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
/**
 * Stored in NFKC (`Ａｄａ` is stored `Ada`). Unique within a community on its confusable skeleton (`Аda` with a
 * Cyrillic А is taken when `Ada` is), checked by the server; whole-script names (Cyrillic, Greek, CJK) are fine.
 */
export const DisplayNameSchema = safeText(80)
  .refine((s) => !BIDI_CONTROLS.test(s), 'must not contain bidirectional control characters')
  .refine((s) => !INVISIBLE.test(s), 'must not contain invisible or formatting characters (zero-width, joiners...)')
  .transform((s) => s.normalize('NFKC'))
  .pipe(z.string().trim().min(1, 'must not be empty').max(80));
/** Invite codes: 22+ chars of base64url (128 bits or more). */
export const InviteCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not an invite code');
/** Opaque, signed by the server; clients never look inside. */
export const CursorSchema = safeText(512).pipe(z.string().min(1));
export const EpochSchema = z.string().min(1).max(64);

// ── Errors ─────────────────────────────────────────────────────────────────────────────────────────────────

export const ERROR_CODES = [
  'bad_request', // malformed JSON, wrong content type, schema violation
  'invalid_cursor',
  'cursor_too_old', // 410: deleted notes past this cursor were compacted; pull from scratch (see Pull)
  'unauthorized', // missing, unknown or revoked token
  'forbidden', // role too low
  'not_found',
  'conflict',
  'unprocessable', // well-formed but not allowed, e.g. thanking your own note
  'payload_too_large',
  'unsupported_media_type',
  'invite_invalid', // unknown, used up, expired or revoked invite code
  'rate_limited',
  'quota_exceeded', // 403: the member holds as many notes or bytes as the server allows; delete some first
  'internal',
  'unavailable',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export const ApiErrorSchema = z.strictObject({
  error: z.strictObject({ code: ErrorCodeSchema, message: z.string() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

// ── Community, members, tokens, invites ────────────────────────────────────────────────────────────────────

export const CommunitySchema = z.strictObject({
  id: ServerIdSchema,
  name: z.string(),
  epoch: EpochSchema,
  createdAt: z.number().int(),
  memberCount: z.number().int().nonnegative(),
});
export type Community = z.infer<typeof CommunitySchema>;
/** What `POST /v1/community/compact` did: the fence after it, the tombstones and push batches it deleted. */
export const CompactionSchema = z.strictObject({
  compactedThrough: z.number().int().nonnegative(),
  tombstones: z.number().int().nonnegative(),
  batches: z.number().int().nonnegative(),
  isSkipped: z.boolean().optional(),
});
export const CommunityPatchSchema = z.strictObject({ name: safeText(120).pipe(z.string().trim().min(1)) });

export const MemberSchema = z.strictObject({
  id: ServerIdSchema,
  displayName: z.string(),
  role: RoleSchema,
  joinedAt: z.number().int(),
});
export type Member = z.infer<typeof MemberSchema>;
export const MemberListSchema = z.strictObject({ members: z.array(MemberSchema) });
/** What a member changes about themselves (PATCH /v1/members/me). */
export const MemberSelfPatchSchema = z.strictObject({ displayName: DisplayNameSchema });
/** What an admin changes about a member (PATCH /v1/members/:id). */
export const MemberRolePatchSchema = z.strictObject({ role: RoleSchema });

/** A member's who-knows-what setting (PUT /v1/members/me/expertise): opted out, never suggested to anyone. */
export const ExpertiseSettingSchema = z.strictObject({ isOptedOut: z.boolean() });
export type ExpertiseSetting = z.infer<typeof ExpertiseSettingSchema>;

/** The members of a community who opted out of who-knows-what: every browser leaves them out of its suggestions. */
export const ExpertiseOptOutsSchema = z.strictObject({ memberIds: z.array(ServerIdSchema) });
export type ExpertiseOptOuts = z.infer<typeof ExpertiseOptOutsSchema>;

export const JoinRequestSchema = z.strictObject({ code: InviteCodeSchema, displayName: DisplayNameSchema });
export type JoinRequest = z.infer<typeof JoinRequestSchema>;
/** The token is shown once, here; the server keeps only its hash. */
export const JoinResponseSchema = z.strictObject({
  token: z.string(),
  tokenId: ServerIdSchema,
  member: MemberSchema,
  community: CommunitySchema,
});
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

export const TokenCreateRequestSchema = z.strictObject({ label: safeText(80).optional() });
export const TokenSchema = z.strictObject({
  id: ServerIdSchema,
  label: z.string().nullable(),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
  isCurrent: z.boolean(),
});
export const TokenListSchema = z.strictObject({ tokens: z.array(TokenSchema) });
export const TokenCreateResponseSchema = z.strictObject({ token: z.string(), tokenId: ServerIdSchema });

export const InviteCreateRequestSchema = z.strictObject({
  maxUses: z.number().int().min(1).max(1000).default(1),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  role: z.enum(['member', 'facilitator']).default('member'),
});
export const InviteSchema = z.strictObject({
  id: ServerIdSchema,
  role: RoleSchema,
  maxUses: z.number().int(),
  uses: z.number().int(),
  expiresAt: z.number().int(),
  createdAt: z.number().int(),
  isRevoked: z.boolean(),
});
export const InviteListSchema = z.strictObject({ invites: z.array(InviteSchema) });
/** The code and link are shown once, here. */
export const InviteCreateResponseSchema = z.strictObject({ invite: InviteSchema, code: z.string(), link: z.string() });

/**
 * An invite link carries the endpoint and the code; the code sits in the fragment so it never reaches a
 * server log. `parseInviteLink` also accepts a bare code (then the endpoint is whatever the user typed).
 */
export function formatInviteLink(endpoint: string, code: string): string {
  return `${endpoint.replace(/\/+$/, '')}/join#code=${encodeURIComponent(code)}`;
}
export function parseInviteLink(input: string): { endpoint?: string; code: string } | undefined {
  const text = input.trim();
  if (InviteCodeSchema.safeParse(text).success) return { code: text };
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const code = new URLSearchParams(url.hash.slice(1)).get('code') ?? '';
    if (!InviteCodeSchema.safeParse(code).success) return undefined;
    const endpoint = `${url.origin}${url.pathname.replace(/\/join\/?$/, '')}`.replace(/\/+$/, '');
    return { endpoint, code };
  } catch {
    return undefined;
  }
}

// ── Push ───────────────────────────────────────────────────────────────────────────────────────────────────

const mutationBase = { clientId: ClientIdSchema, mutationNumber: MutationNumberSchema, hlc: HlcSchema };

/**
 * Create (or, for a note the author already has on the server, overwrite by HLC). `author` and `sync` are
 * ignored and set by the server; `communityId` may be omitted, null or the token's community.
 */
export const CreateMutationSchema = z.strictObject({
  ...mutationBase,
  op: z.literal('create'),
  note: NoteSchema.refine((n) => n.deletedAt === undefined, 'a created note cannot be deleted'),
});
export const EditMutationSchema = z.strictObject({
  ...mutationBase,
  op: z.literal('edit'),
  noteId: NoteIdSchema,
  patch: NotePatchSchema.refine((p) => Object.keys(p).length > 0, 'an edit must change something'),
});
export const DeleteMutationSchema = z.strictObject({ ...mutationBase, op: z.literal('delete'), noteId: NoteIdSchema });
export const ThankMutationSchema = z.strictObject({ ...mutationBase, op: z.literal('thank'), noteId: NoteIdSchema });
export const UnthankMutationSchema = z.strictObject({
  ...mutationBase,
  op: z.literal('unthank'),
  noteId: NoteIdSchema,
});

/**
 * Something that happened to a question (issue 16, lib/questions): an existing note linked as its answer, the
 * answer relayed to the thread, "did this answer it?" confirmed, a me-too. `noteId` is the question; the
 * server sets who did it. Events are a set by `event.id` (a re-sent one is a no-op); each bumps the question's
 * version so pull brings it. Only the asker or a facilitator confirms (403 forbidden otherwise); events go
 * only on questions (422 unprocessable otherwise); on a deleted question they are `rejected` with `deleted`.
 */
export const QuestionEventMutationSchema = z.strictObject({
  ...mutationBase,
  op: z.literal('question-event'),
  noteId: NoteIdSchema,
  event: QuestionEventBodySchema,
});

export const MutationSchema = z.discriminatedUnion('op', [
  CreateMutationSchema,
  EditMutationSchema,
  DeleteMutationSchema,
  ThankMutationSchema,
  UnthankMutationSchema,
  QuestionEventMutationSchema,
]);
export type Mutation = z.infer<typeof MutationSchema>;
/** What the client builds before parsing (tags untransformed etc.). */
export type MutationInput = z.input<typeof MutationSchema>;
export type MutationOp = Mutation['op'];

export const PushRequestSchema = z.strictObject({ mutations: z.array(MutationSchema).min(1).max(MAX_PUSH_BATCH) });
export type PushRequest = z.infer<typeof PushRequestSchema>;

/** Per-mutation rejections: only what an honest client can meet (see "Conflicts" above). */
export const REJECT_REASONS = [
  'not_found', // no such note on this server (e.g. lost in a restore)
  'deleted', // the note was deleted: deletes are final; keep the edit locally as a rejected draft
] as const;
export const RejectReasonSchema = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof RejectReasonSchema>;

const resultBase = { clientId: ClientIdSchema, mutationNumber: MutationNumberSchema };
export const MutationResultSchema = z.discriminatedUnion('status', [
  z.strictObject({
    ...resultBase,
    status: z.literal('applied'),
    /** The note's version after this mutation (absent for no-ops). */
    version: z.number().int().optional(),
    /** An edit that lost to a newer one (hlc, clientId): accepted, nothing to redo. */
    isSuperseded: z.boolean().optional(),
  }),
  z.strictObject({ ...resultBase, status: z.literal('duplicate') }),
  z.strictObject({ ...resultBase, status: z.literal('rejected'), reason: RejectReasonSchema, message: z.string() }),
  z.strictObject({ ...resultBase, status: z.literal('deferred'), expectedMutationNumber: MutationNumberSchema }),
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;
export type MutationStatus = MutationResult['status'];

export const PushResponseSchema = z.strictObject({
  epoch: EpochSchema,
  /** The community's latest version after this push. */
  version: z.number().int().nonnegative(),
  results: z.array(MutationResultSchema),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

// ── Pull ───────────────────────────────────────────────────────────────────────────────────────────────────

export const PullQuerySchema = z.strictObject({
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

/** A live note: its whole current state. `note.author` is {id: member id, name}; `note.sync` has version + hlc. */
export const NoteChangeSchema = z.strictObject({
  type: z.literal('note'),
  version: z.number().int().positive(),
  note: NoteSchema,
  /** Member ids who thanked it (a set, never a counter). */
  thankedBy: z.array(ServerIdSchema),
  /** A question's events (lib/questions), oldest first; absent when it has none. */
  questionEvents: z.array(PulledQuestionEventSchema).optional(),
});
/** A deleted note: content is gone from the server; remove it locally. */
export const TombstoneChangeSchema = z.strictObject({
  type: z.literal('tombstone'),
  version: z.number().int().positive(),
  noteId: NoteIdSchema,
  authorId: ServerIdSchema,
  deletedAt: z.number().int().nonnegative(),
});
export const ChangeSchema = z.discriminatedUnion('type', [NoteChangeSchema, TombstoneChangeSchema]);
export type Change = z.infer<typeof ChangeSchema>;

export const PullResponseSchema = z.strictObject({
  epoch: EpochSchema,
  /** True when the given cursor was from another epoch (restored server): changes start from scratch. */
  isReset: z.boolean(),
  changes: z.array(ChangeSchema),
  /** Send this back next time, even when `changes` is empty. */
  cursor: CursorSchema,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

// ── Moderation ─────────────────────────────────────────────────────────────────────────────────────────────

/** What a moderation delete took down: how many notes became tombstones (0 when there was nothing left). */
export const ModerationResultSchema = z.strictObject({ deleted: z.number().int().nonnegative() });
export type ModerationResult = z.infer<typeof ModerationResultSchema>;

// ── Endpoint map (the OpenAPI document is generated from it) ───────────────────────────────────────────────

/** An IANA time zone name (lib/model/time-zone.ts), as calendars and ritual schedules are written in. */
export { TimeZoneSchema };

/** The schedule a member's calendar feed shows: their rituals of this community, in its zone. */
export const CalendarFeedScheduleSchema = z.strictObject({
  timeZone: TimeZoneSchema,
  rituals: z.array(RitualSchema).max(20),
});
export type CalendarFeedSchedule = z.infer<typeof CalendarFeedScheduleSchema>;

/** Whether the member has a live feed; never its address (only its hash is stored). */
export const CalendarFeedInfoSchema = z.strictObject({
  isActive: z.boolean(),
  timeZone: z.string().optional(),
  rituals: z.number().int().optional(),
  createdAt: z.number().int().optional(),
  updatedAt: z.number().int().optional(),
});
export type CalendarFeedInfo = z.infer<typeof CalendarFeedInfoSchema>;

/** The chat apps a community's ritual webhook can post to. */
export const WEBHOOK_PLATFORMS = ['slack', 'teams', 'discord', 'mattermost'] as const;

/** Whether the community has a ritual webhook, for which app; never its address. */
export const WebhookInfoSchema = z.object({
  isConfigured: z.boolean(),
  platform: z.enum(WEBHOOK_PLATFORMS).optional(),
  timeZone: z.string().optional(),
  updatedAt: z.number().optional(),
});
export type WebhookInfoView = z.infer<typeof WebhookInfoSchema>;

/** How one ritual post in the outbox went. */
export const WebhookDeliverySchema = z.object({
  deliveryKey: z.string(),
  state: z.enum(['pending', 'sending', 'delivered', 'failed', 'unconfirmed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

/** The answer to posting a ritual now: its delivery, and whether this call put it in the outbox. */
export const RitualPostedSchema = WebhookDeliverySchema.extend({ isNew: z.boolean() });
export type RitualPosted = z.infer<typeof RitualPostedSchema>;

/** A new secret feed address, shown once: https for any app, webcal:// for those that subscribe on a click. */
export const CalendarFeedCreatedSchema = z.strictObject({ url: z.string(), webcalUrl: z.string() });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreatedSchema>;

export interface EndpointSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  /** Least role needed; 'none' means no token. */
  auth: 'none' | Role;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  status?: number;
}

export const HealthSchema = z.strictObject({
  ok: z.literal(true),
  protocol: z.number().int(),
  database: z.literal('ok'),
});

export const ENDPOINTS = {
  health: { method: 'get', path: '/healthz', summary: 'Liveness and DB check.', auth: 'none', response: HealthSchema },
  join: {
    method: 'post',
    path: '/v1/join',
    summary: 'Trade an invite code for a member token (shown once).',
    auth: 'none',
    body: JoinRequestSchema,
    response: JoinResponseSchema,
    status: 201,
  },
  community: {
    method: 'get',
    path: '/v1/community',
    summary: "The token's community.",
    auth: 'member',
    response: CommunitySchema,
  },
  renameCommunity: {
    method: 'patch',
    path: '/v1/community',
    summary: 'Rename the community.',
    auth: 'admin',
    body: CommunityPatchSchema,
    response: CommunitySchema,
  },
  members: { method: 'get', path: '/v1/members', summary: 'Members.', auth: 'member', response: MemberListSchema },
  me: { method: 'get', path: '/v1/members/me', summary: 'The token holder.', auth: 'member', response: MemberSchema },
  patchMe: {
    method: 'patch',
    path: '/v1/members/me',
    summary: 'Change your display name.',
    auth: 'member',
    body: MemberSelfPatchSchema,
    response: MemberSchema,
  },
  leave: {
    method: 'delete',
    path: '/v1/members/me',
    summary: 'Leave: revokes all your tokens.',
    auth: 'member',
    status: 204,
  },
  expertiseOptOuts: {
    method: 'get',
    path: '/v1/members/expertise-opt-outs',
    summary: 'Members who opted out of who-knows-what: never suggested as helpers.',
    auth: 'member',
    response: ExpertiseOptOutsSchema,
  },
  myExpertise: {
    method: 'get',
    path: '/v1/members/me/expertise',
    summary: 'Your who-knows-what setting.',
    auth: 'member',
    response: ExpertiseSettingSchema,
  },
  setMyExpertise: {
    method: 'put',
    path: '/v1/members/me/expertise',
    summary: 'Opt out of (or back into) being suggested as a helper.',
    auth: 'member',
    body: ExpertiseSettingSchema,
    response: ExpertiseSettingSchema,
  },
  setRole: {
    method: 'patch',
    path: '/v1/members/{id}',
    summary: "Change a member's role.",
    auth: 'admin',
    body: MemberRolePatchSchema,
    response: MemberSchema,
  },
  removeMember: {
    method: 'delete',
    path: '/v1/members/{id}',
    summary: 'Remove a member; their tokens stop working at once. Facilitators remove members only.',
    auth: 'facilitator',
    status: 204,
  },
  moderateNote: {
    method: 'delete',
    path: '/v1/notes/{id}',
    summary: "Delete any member's note for everyone (admins: anyone's). Unknown and foreign ids both answer 404.",
    auth: 'facilitator',
    response: ModerationResultSchema,
  },
  moderateMemberNotes: {
    method: 'delete',
    path: '/v1/members/{id}/notes',
    summary: "Delete all of a member's notes for everyone, a removed member's included.",
    auth: 'facilitator',
    response: ModerationResultSchema,
  },
  compact: {
    method: 'post',
    path: '/v1/community/compact',
    summary:
      'Compact now: delete tombstones past the retention period that every active member has pulled, and move the fence (cursor_too_old below it).',
    auth: 'admin',
    response: CompactionSchema,
  },
  webhook: {
    method: 'get',
    path: '/v1/community/webhook',
    summary:
      'Whether the community has an incoming webhook for ritual posts: platform and time zone, never its address.',
    auth: 'facilitator',
  },
  setWebhook: {
    method: 'put',
    path: '/v1/community/webhook',
    summary: 'Set the incoming webhook ({platform, url, timeZone}); the address is stored, never returned or logged.',
    auth: 'admin',
  },
  removeWebhook: {
    method: 'delete',
    path: '/v1/community/webhook',
    summary: 'Remove the incoming webhook; scheduled posts stop.',
    auth: 'admin',
    status: 204,
  },
  webhookDeliveries: {
    method: 'get',
    path: '/v1/community/webhook/deliveries',
    summary: 'Ritual posts queued or sent: delivery key, state, attempts, last error.',
    auth: 'facilitator',
  },
  postRitualNow: {
    method: 'post',
    path: '/v1/community/webhook/posts',
    summary:
      "Post a previewed ritual now ({ritualId, day, text}) under its occurrence's delivery key: at most once per ritual and day; answers its delivery state.",
    auth: 'facilitator',
  },
  calendarFeed: {
    method: 'get',
    path: '/v1/members/me/calendar',
    summary: 'Whether you have a rituals calendar feed, its zone and schedule size; never its address.',
    auth: 'member',
    response: CalendarFeedInfoSchema,
  },
  createCalendarFeed: {
    method: 'post',
    path: '/v1/members/me/calendar',
    summary:
      'A new secret feed address for your rituals calendar, shown once; any earlier address stops working (rotate).',
    auth: 'member',
    body: CalendarFeedScheduleSchema,
    response: CalendarFeedCreatedSchema,
    status: 201,
  },
  updateCalendarFeed: {
    method: 'put',
    path: '/v1/members/me/calendar',
    summary: 'Replace the schedule your feed shows (same address); 404 when you have no feed.',
    auth: 'member',
    body: CalendarFeedScheduleSchema,
    response: CalendarFeedInfoSchema,
  },
  revokeCalendarFeed: {
    method: 'delete',
    path: '/v1/members/me/calendar',
    summary: 'Revoke your feed address: it answers 404, exactly like one never issued.',
    auth: 'member',
    status: 204,
  },
  calendar: {
    method: 'get',
    path: '/v1/calendar/{id}',
    summary:
      'The rituals calendar (text/calendar, RFC 5545) at a secret address `<token>.ics`; no bearer token, since calendar apps send none. ETag/If-None-Match. Unknown and revoked addresses both answer 404.',
    auth: 'none',
  },
  tokens: { method: 'get', path: '/v1/tokens', summary: 'Your tokens.', auth: 'member', response: TokenListSchema },
  createToken: {
    method: 'post',
    path: '/v1/tokens',
    summary: 'Mint a token for another device of yours (shown once).',
    auth: 'member',
    body: TokenCreateRequestSchema,
    response: TokenCreateResponseSchema,
    status: 201,
  },
  revokeToken: {
    method: 'delete',
    path: '/v1/tokens/{id}',
    summary: 'Revoke one of your tokens ("current" = this one: sign out).',
    auth: 'member',
    status: 204,
  },
  invites: {
    method: 'get',
    path: '/v1/invites',
    summary: 'Invites.',
    auth: 'facilitator',
    response: InviteListSchema,
  },
  createInvite: {
    method: 'post',
    path: '/v1/invites',
    summary: 'Create an invite (code shown once).',
    auth: 'facilitator',
    body: InviteCreateRequestSchema,
    response: InviteCreateResponseSchema,
    status: 201,
  },
  revokeInvite: {
    method: 'delete',
    path: '/v1/invites/{id}',
    summary: 'Revoke an invite.',
    auth: 'facilitator',
    status: 204,
  },
  polls: { method: 'get', path: '/v1/polls', summary: 'Pulse polls.', auth: 'member', response: PollListSchema },
  openPolls: {
    method: 'get',
    path: '/v1/polls/open',
    summary: 'The poll occurrences open now, and whether you answered each.',
    auth: 'member',
    response: OpenPollListSchema,
  },
  putPoll: {
    method: 'put',
    path: '/v1/polls/{id}',
    summary: 'Schedule or edit a poll (client-made id). At most 50 per community.',
    auth: 'facilitator',
    body: PollInputSchema,
    response: PollSchema,
  },
  deletePoll: {
    method: 'delete',
    path: '/v1/polls/{id}',
    summary: 'Delete a poll and its answers.',
    auth: 'facilitator',
    status: 204,
  },
  answerPoll: {
    method: 'post',
    path: '/v1/polls/{id}/occurrences/{key}/answers',
    summary: 'Answer the open occurrence once (409 for a second answer; 422 when it is not open).',
    auth: 'member',
    body: AnswerInputSchema,
    response: PollResultsSchema,
    status: 201,
  },
  pollResults: {
    method: 'get',
    path: '/v1/polls/{id}/occurrences/{key}/results',
    summary:
      "An occurrence's results: only the answer count below the poll's minimum; anonymous answers carry no member.",
    auth: 'member',
    response: PollResultsSchema,
  },
  postImpactEntry: {
    method: 'post',
    path: '/v1/community/impact/entries',
    summary:
      'Record what an opened note saved you (client-made id): 201, or 200 for a resend of the same answer; 409 for a second answer about the same opening.',
    auth: 'member',
    body: ImpactEntryInputSchema,
    response: ImpactEntrySchema,
    status: 201,
  },
  myImpactEntries: {
    method: 'get',
    path: '/v1/community/impact/entries/mine',
    summary: 'Your own impact answers, newest first; nobody reads another member’s.',
    auth: 'member',
    response: ImpactEntryListSchema,
  },
  impactSummary: {
    method: 'get',
    path: '/v1/community/impact/summary',
    summary:
      'The impact ledger in whole local months (in the community’s time zone, which the answer carries) around from/to: aggregates only, no group below k people (k >= 5), names only of members who consent now.',
    auth: 'facilitator',
    query: LedgerSummaryQuerySchema,
    response: LedgerSummarySchema,
  },
  impactSettings: {
    method: 'get',
    path: '/v1/community/impact/settings',
    summary:
      'k, the fewest people an impact cell may count, and the time zone whose calendar months the ledger counts in.',
    auth: 'facilitator',
    response: ImpactSettingsViewSchema,
  },
  setImpactSettings: {
    method: 'put',
    path: '/v1/community/impact/settings',
    summary:
      'Set k (never below 5) and, optionally, the IANA time zone the ledger’s months are cut in (UTC until set; an unknown zone is a 400 and changes nothing).',
    auth: 'admin',
    body: ImpactSettingsSchema,
    response: ImpactSettingsViewSchema,
  },
  reportConsent: {
    method: 'get',
    path: '/v1/community/me/report-consent',
    summary: 'Whether you are named in impact reports, and when you last changed it.',
    auth: 'member',
    response: ReportConsentSchema,
  },
  setReportConsent: {
    method: 'put',
    path: '/v1/community/me/report-consent',
    summary:
      'Consent to (or withdraw from) being named in impact reports; withdrawing removes the name from every later one.',
    auth: 'member',
    body: ReportConsentInputSchema,
    response: ReportConsentSchema,
  },
  weeklySummary: {
    method: 'get',
    path: '/v1/community/me/weekly-summary',
    summary:
      'Your address for the weekly facilitator summary by e-mail (null: off), and whether this endpoint sends mail.',
    auth: 'facilitator',
    response: WeeklySummarySchema,
  },
  setWeeklySummary: {
    method: 'put',
    path: '/v1/community/me/weekly-summary',
    summary: 'Give (or remove, with null) your address for the weekly facilitator summary; only you ever read it.',
    auth: 'facilitator',
    body: WeeklySummaryInputSchema,
    response: WeeklySummarySchema,
  },
  push: {
    method: 'post',
    path: '/v1/sync/push',
    summary: 'Apply a batch of mutations exactly once each.',
    auth: 'member',
    body: PushRequestSchema,
    response: PushResponseSchema,
  },
  pull: {
    method: 'get',
    path: '/v1/sync/pull',
    summary: 'Changes since a cursor, paginated, tombstones included.',
    auth: 'member',
    query: PullQuerySchema,
    response: PullResponseSchema,
  },
} as const satisfies Record<string, EndpointSpec>;
