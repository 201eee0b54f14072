import type { ChatContext, ChatMessage, MoveResult, Note, NoteKind, Result, Selector } from '../model';
import type { SimilarNote } from '../similarity';
import type { RelayRequest, RelayWrite } from '../capture/chat/composer/relay';
import type { ImpactSource } from '../impact/types';
import type { QuestionBoard } from '../questions';

/** A chat field an adapter can fail to read when the app's markup drifts (see lib/capture/chat/layered.ts). */
export type ChatField = 'id' | 'author' | 'timestamp' | 'permalink' | 'text' | 'channel';

/** How a harvest started: a selection, the page itself (no selection), a right-clicked link, or a whole chat thread. */
export type CaptureMode = 'selection' | 'page' | 'link' | 'thread';

/** What the content script hands over when a harvest starts (validated by CaptureRequestSchema). */
export interface CaptureRequest {
  mode: CaptureMode;
  url: string;
  quote: string;
  selectors: Selector[];
  /** The page's HTML at capture time, for Readability in the panel (never run on the live page). */
  html: string;
  linkUrl?: string;
  linkText?: string;
  /** Set when the harvest came from a chat app: who said what, where, in which thread. */
  chat?: ChatContext;
  /**
   * The chat fields the adapter claimed the page but could not read for the harvested message: the panel names
   * them (drift is visible, never silent); the note still saves with what was read.
   */
  chatMissing?: ChatField[];
}

/** A note as the content script needs it to paint a highlight: nothing more leaves the background. */
export interface PaintableNote {
  id: string;
  kind: NoteKind;
  quote: string;
  takeaway: string;
  selectors: Note['selectors'];
  authorName?: string;
  isOwn: boolean;
  /** For chat notes: the first harvested message, re-found by identity before any text search. */
  chatMessage?: Pick<ChatMessage, 'id' | 'permalink' | 'author' | 'timestamp' | 'text'>;
}

/** What a page shows of its notes: the ones painted, and the orphans whose text is gone. */
export interface PageStatus {
  url: string;
  painted: PaintableNote[];
  orphans: PaintableNote[];
  /** Chat notes whose message is not rendered now (scrolled away, virtualised): not orphans. */
  offscreen?: PaintableNote[];
}

/** Keyboard moves between a page's highlights; `close` dismisses the card. */
export type HighlightStep = 'next' | 'previous' | 'close';

/** What a highlight's hover card shows: rendered as text in an extension page, never in the page's DOM. */
export interface NoteCardView {
  id: string;
  kind: NoteKind;
  takeaway: string;
  quote: string;
  authorName?: string;
  isOwn: boolean;
}

/** One community's pass of a "Sync now", as the pages see it. */
export interface SyncRunSummary {
  communityId: string;
  status: 'synced' | 'skipped' | 'failed';
  message?: string;
}

/**
 * What "Relay answer" did: the draft (for the clipboard when no composer took it) and what the thread's tab
 * said. `unreachable`: the thread's page never answered (it did not load, or is not a page we run in).
 */
export interface RelayOutcome {
  draft: string;
  result: RelayWrite | { status: 'unreachable' };
}

export interface PendingCapture extends CaptureRequest {
  captureId: string;
  /** Communities the note may be shared with (this browser's enabled memberships). */
  communities: { id: string; name: string }[];
}

/**
 * Every cross-context channel, in one place, typed by who receives it: a key sent the wrong way, or with the
 * wrong payload, fails at compile time (lib/messaging/protocol.test-d.ts). The runtime messages are sent and
 * answered through lib/messaging/messenger.ts, typed by these maps; this file loads nothing, so a page that
 * needs only a channel's name (the new tab's first paint) does not pull the messenger in. Commands are imperative, events past
 * tense. Senders: C = content script, P = extension pages (popup, capture panel, options, new tab, note, card),
 * B = background, S = the search host (Chrome's offscreen document and its shared worker).
 */

/** Runtime messages the background answers. */
export interface ToBackground {
  /** C→B: open the capture panel in the sender's tab for this harvest; answers the id the panel loads by. */
  openCapture(req: CaptureRequest): Result<{ captureId: string }>;
  /** P→B: the pending harvest a capture panel was opened for (null once used or expired). */
  getCapture(req: { captureId: string }): PendingCapture | null;
  /**
   * P→B: the most used tags, to suggest in the capture panel. Asked apart from getCapture, after the quote is
   * shown: a new service worker counts the tags first, and the harvest must not wait for that.
   */
  getTagSuggestions(req: Record<string, never>): string[];
  /** P→B: close the capture panel in its tab; `isSaved` repaints the page's highlights. */
  closeCapture(req: { captureId: string; isSaved: boolean }): void;
  /** P→B: the harvest is saved: its tab repaints now, while the panel still shows "Harvested". */
  captureSaved(req: { captureId: string }): void;
  /** P→B: save a new note (validated again in the background). */
  createNote(draft: unknown): Result<Note>;
  /** P→B: save several notes in one step (harvest-back); validated again, all or none. */
  createNotes(drafts: unknown[]): Result<{ created: number }>;
  /**
   * P→B: what harvest-back needs for a ritual post's thread: the live questions whose title the post's root
   * prints (asked before its day), and the notes already stored for the thread's page (to skip duplicates).
   */
  harvestBackContext(req: { url: string; rootText: string; day: string }): { questions: Note[]; harvested: Note[] };
  /** P→B: change a note's takeaway, kind or tags. */
  updateNote(req: { id: string; patch: unknown }): Result<Note>;
  /** P→B: delete a note (a tombstone; `restoreNote` is the undo). */
  removeNote(req: { id: string }): Result<Note>;
  /** P→B: undo a delete. */
  restoreNote(req: { id: string }): Result<Note>;
  /** P→B: up to 3 existing notes (own and community) like this harvest: same page, thread, quote, or words. */
  findSimilar(req: {
    quote: string;
    takeaway?: string;
    url?: string;
    kind?: NoteKind;
    chat?: ChatContext;
  }): SimilarNote[];
  /** P→B: the user chose an existing note over a new one (the digest counts duplicate effort avoided). */
  recordDuplicateAvoided(req: { noteId: string; reasons: string[] }): void;
  /**
   * P→B: open a note's page in a new tab and scroll to its quote. `source` (search, digest, poll match, relayed
   * answer) is recorded with the opened event, so the impact ledger can later ask whether it saved time.
   */
  openNote(req: { id: string; source?: ImpactSource }): Result<null>;
  /** P→B: a page opened a note's link itself (the digest's plain links): record the opening and where from. */
  recordNoteOpened(req: { noteId: string; source: ImpactSource }): void;
  /** C→B: the notes to paint on this page, and the one to scroll to if the page was opened for it. */
  getPageNotes(req: { url: string; canonicalUrl?: string }): { notes: PaintableNote[]; focusNoteId?: string };
  /** P→B: move notes to another URL (the page moved); answers how many moved. */
  moveNotes(req: { ids: string[]; url: string }): Result<MoveResult>;
  /**
   * P→B: an extension page wrote these notes (or their thanks) itself — an import, an answer, a thank from the
   * new tab. The background's write hooks see only its own writes; this runs the same upkeep (search, digest).
   */
  notesWritten(req: { ids: string[] }): void;
  /**
   * P→B: this member's question board at `now`, from the one the background keeps (question-board-keeper.ts),
   * so a new tab does not read every question and answer itself (question-board-source.ts falls back to that).
   */
  questionBoard(req: { now: number }): QuestionBoard;
  /** P→B: make sure the search host exists (created on start-up; this is the on-demand path). */
  ensureSearchHost(): void;
  /**
   * C→B: a one-time code for a highlight card about to open in the sender's tab, for a note painted on its page
   * (null otherwise). The card's URL carries the code, never the note id.
   */
  registerNoteCard(req: { noteId: string }): string | null;
  /**
   * P→B: what a highlight's card shows (kind, takeaway, author), for the card page in the tab its code was
   * registered for. The code is used up: a page that frames highlight-card.html itself gets nothing.
   */
  getNoteCard(req: { code: string }): NoteCardView | null;
  /** P→B: the highlight card asks its tab to close it or move to the next/previous highlight. */
  noteCardCommand(req: { action: HighlightStep }): void;
  /** P→B: sync every joined community now, ignoring backoff ("Sync now", or right after joining). */
  syncNow(): SyncRunSummary[];
  /**
   * P→B: "Relay answer": open (or focus) the thread the question was asked in and write the drafted reply into
   * that chat app's composer. Records `relayed` only when the composer holds the draft; never sends.
   */
  relayAnswer(req: {
    questionId: string;
    answerId: string;
    replaceUserDraft?: boolean;
    /** From the popup: the thread's tab is brought to the front only once it holds the draft. */
    from?: 'popup' | 'newtab';
  }): Result<RelayOutcome>;
}

/** Runtime messages a tab's content script answers (sent to a tab, optionally one frame). */
export interface ToContent {
  /** B→C: start a harvest in this frame (shortcut or context menu). */
  startHarvest(req: { mode: CaptureMode; linkUrl?: string; linkText?: string }): void;
  /** P→C: which of this page's notes are painted and which are orphans (the popup's "This page" view). */
  getPageStatus(): PageStatus;
  /** B→C: the capture panel closed; remove it and, if saved, repaint. */
  captureClosed(req: { captureId: string; isSaved: boolean }): void;
  /** B→C: a harvest from this frame was saved: paint its highlight at once (the panel stays open a moment). */
  captureSaved(req: { captureId: string }): void;
  /** B→C: close the highlight card, or move to the next/previous highlight and show its card (keyboard). */
  stepHighlight(req: { action: HighlightStep }): void;
  /** B→C: write a relayed answer into this page's chat composer, as typed; never sends. */
  writeRelayDraft(req: RelayRequest): RelayWrite;
}

/**
 * Requests the search host answers. Pages send them over the `SEARCH_PORT` port straight to the host's shared
 * worker (lib/search-host/port.ts); the background sends its two as runtime messages, which the offscreen
 * document relays to the worker.
 */
export interface ToSearchHost {
  /**
   * P→S: the best live notes for a query, best first, from its warm index: the host reads their rows too, so
   * the asking page reads nothing from IndexedDB between the answer and its paint.
   */
  searchNotes(req: { query: string; limit: number }): Note[];
  /** B,P→S: these notes changed (already logged by the background): fold them in; answers once applied. */
  searchIndexChanged(req: { ids: string[] }): void;
  /** P→S: the most used tags, counted by the warm index (no scan of the notes table). */
  searchTopTags(req: { limit: number }): { tag: string; count: number }[];
  /** B→S: save the warm index with the change log folded in (`rebuild`: from every note, after a bulk seed). */
  compactSearchIndex(req: { rebuild?: boolean }): void;
}

/** Every runtime message, whoever answers it: the one map the extension messenger carries. */
export interface ProtocolMap extends ToBackground, ToContent, ToSearchHost {}

/** What a request of `map` carries. */
export type RequestOf<Map, K extends keyof Map> = Map[K] extends (...args: infer A) => unknown ? A[0] : never;
/** What a request of `map` answers. */
export type AnswerOf<Map, K extends keyof Map> = Map[K] extends (...args: never[]) => infer R ? R : never;

/** The name of the port (and shared worker) pages open to the search host; it answers `ToSearchHost`. */
export const SEARCH_PORT = 'commonplace-search';

/** Posted on `DIGEST_CHANNEL` (a BroadcastChannel, B/P→P) whenever a ready digest was stored. */
export type DigestChannelMessage = 'updated';
/** The BroadcastChannel on which a stored digest is announced to open new tabs. */
export const DIGEST_CHANNEL = 'commonplace-digest';

/** B/P→P: tell every open new tab that a ready digest was stored. */
export function announceDigestStored(): void {
  const channel = new BroadcastChannel(DIGEST_CHANNEL);
  channel.postMessage('updated' satisfies DigestChannelMessage);
  channel.close();
}

/** P: call `fn` whenever a ready digest was stored; returns the unsubscribe. */
export function onDigestStored(fn: () => void): () => void {
  const channel = new BroadcastChannel(DIGEST_CHANNEL);
  channel.onmessage = (e: MessageEvent<DigestChannelMessage>) => {
    if (e.data === 'updated') fn();
  };
  return () => channel.close();
}
