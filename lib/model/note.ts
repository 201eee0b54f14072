import { z } from 'zod';
import { NOTE_KINDS } from './note-kinds';
import { SelectorSchema } from './selectors';
import { WebUrlSchema, safeText } from './text';

/** Bumped whenever a stored note's shape changes; lib/db migrations and imports key off it. */
export const NOTE_SCHEMA_VERSION = 1;

/** Epoch milliseconds that `new Date()` can hold; the server also refuses times more than a day ahead of its clock. */
export const EpochMsSchema = z.number().int().nonnegative().max(8_640_000_000_000_000);

export { NOTE_KINDS };
export const NoteKindSchema = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof NoteKindSchema>;

/**
 * A tag as stored: no leading `#` or spaces, inner spaces as `-`, lower case. Idempotent (a stored tag parses to
 * itself), so a note re-validated on edit, sync or import never turns damaged: `# # ` is refused, not kept as `#`.
 */
export const TagSchema = safeText(64)
  .transform((t) =>
    t
      .replace(/^[#\s]+/, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase(),
  )
  .pipe(z.string().min(1).max(64));

export const PageContextSchema = z.strictObject({
  url: WebUrlSchema,
  canonicalUrl: WebUrlSchema,
  title: safeText(1000),
  byline: safeText(500).optional(),
  siteName: safeText(500).optional(),
  excerpt: safeText(5000).optional(),
  lang: safeText(35).optional(),
  publishedTime: safeText(100).optional(),
});
export type PageContext = z.infer<typeof PageContextSchema>;

export const PersonSchema = z.strictObject({
  id: safeText(128),
  name: safeText(200),
});
export type Person = z.infer<typeof PersonSchema>;

/** One message of a chat thread a note quotes or holds (issue: chat capture). */
export const ChatMessageSchema = z.strictObject({
  id: safeText(512).optional(),
  author: safeText(200).optional(),
  authorId: safeText(200).optional(),
  timestamp: safeText(100).optional(),
  permalink: WebUrlSchema.optional(),
  text: safeText(50_000),
  isRoot: z.boolean().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ChatContextSchema = z.strictObject({
  platform: safeText(50),
  workspace: safeText(300).optional(),
  channel: safeText(300).optional(),
  threadRoot: ChatMessageSchema.optional(),
  messages: z.array(ChatMessageSchema).max(5000),
  isThread: z.boolean().optional(),
  /** How many messages the thread holds as loaded; virtualised lists may hold more than were rendered. */
  loadedCount: z.number().int().nonnegative().optional(),
  isPrivate: z.boolean().optional(),
});
export type ChatContext = z.infer<typeof ChatContextSchema>;

/**
 * A harvested note. `id` is made on the client (UUIDv7: time-ordered, so sync has an id before the server
 * sees the row). Times are epoch milliseconds. `deletedAt` makes a tombstone: undo clears it, sync carries it.
 */
export const NoteSchema = z.strictObject({
  schemaVersion: z.literal(NOTE_SCHEMA_VERSION),
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID'),
  kind: NoteKindSchema,
  quote: safeText(20_000),
  takeaway: safeText(10_000),
  tags: z.array(TagSchema).max(32),
  selectors: z.array(SelectorSchema).max(8),
  page: PageContextSchema,
  /** Normalised page key (see lib/model/page-key.ts): the index notes are looked up by on revisit. */
  pageKey: safeText(4096),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  deletedAt: EpochMsSchema.optional(),
  /** Null for a personal note; a community id once shared (sync issue). */
  communityId: safeText(128).nullable().optional(),
  author: PersonSchema.optional(),
  /** People credited: the authors of quoted chat messages, for example. */
  contributors: z.array(PersonSchema).max(200).optional(),
  chat: ChatContextSchema.optional(),
  /** Links to other notes: the question this answers, the note this adds to ("me too"). */
  links: z
    .strictObject({
      answers: safeText(64).optional(),
      addsTo: safeText(64).optional(),
    })
    .optional(),
  /**
   * Where an imported note came from: the other tool, its id for the highlight, and the link back to the highlight
   * there (Readwise "View Highlight", Omnivore ⤴️, Hypothesis in-context link), so nothing of the source is lost.
   */
  origin: z
    .strictObject({
      tool: safeText(50),
      id: safeText(200).optional(),
      link: WebUrlSchema.optional(),
      /** Where in the source the highlight sits, in its own words ("Location 145-147", "page 3"). */
      location: safeText(200).optional(),
    })
    .optional(),
  /**
   * Rich form of the quote, when the selection had one: its HTML (untrusted: sanitised again on every render,
   * converted to Markdown by lib/export) and, for code snippets, the language for fenced code blocks.
   */
  rich: z
    .strictObject({
      html: safeText(100_000).optional(),
      codeLanguage: safeText(40).optional(),
    })
    .optional(),
  /** Sync bookkeeping, owned by lib/sync. */
  sync: z
    .strictObject({
      version: z.number().int().nonnegative().optional(),
      hlc: safeText(64).optional(),
      isPending: z.boolean().optional(),
      isRejected: z.boolean().optional(),
      rejectReason: safeText(500).optional(),
    })
    .optional(),
});
export type Note = z.infer<typeof NoteSchema>;

/** What the capture panel sends: the store fills in id, times and the page key. */
export const NoteDraftSchema = NoteSchema.pick({
  kind: true,
  quote: true,
  takeaway: true,
  tags: true,
  selectors: true,
  page: true,
  chat: true,
  contributors: true,
  links: true,
  communityId: true,
  rich: true,
}).partial({ chat: true, contributors: true, links: true, communityId: true, rich: true });
export type NoteDraft = z.infer<typeof NoteDraftSchema>;

/** The fields a user may change after saving. */
export const NotePatchSchema = z.strictObject({
  kind: NoteKindSchema.optional(),
  takeaway: safeText(10_000).optional(),
  tags: z.array(TagSchema).max(32).optional(),
});
export type NotePatch = z.infer<typeof NotePatchSchema>;

/** What moving notes to another page did: how many moved, and how many others' community notes stayed put. */
export interface MoveResult {
  moved: number;
  skipped: number;
}
