import type { CaptureRequest } from '../messaging/protocol';
import { contributorsOf } from './chat';
import { stripTracking, type NoteDraft, type NoteKind, type PageContext } from '../model';

export interface CaptureInput {
  kind: NoteKind;
  takeaway: string;
  tags: string[];
  /** The community to share with; null keeps the note personal. */
  communityId?: string | null;
}

/**
 * Where a harvest goes unless the user says otherwise: the first community joined — except for private
 * chat (direct messages, private channels), which stays personal until the user shares that note.
 */
export function defaultCommunity(capture: Pick<CaptureRequest, 'chat'>, communities: { id: string }[]): string | null {
  return capture.chat?.isPrivate ? null : (communities[0]?.id ?? null);
}

/** Tags as typed: comma or space separated, `#` optional, de-duplicated, in the order given. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,\s]+/)
    .map((t) => t.trim().replace(/^#/, '').toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** The kind a harvest starts with: pages and links are links, a thread a question, a selection an insight. */
export const defaultKind = (mode: CaptureRequest['mode']): NoteKind =>
  mode === 'selection' ? 'insight' : mode === 'thread' ? 'question' : 'link';

/** The note draft for a harvest: a selection quotes the page, a page harvest its excerpt, a link harvest the link. */
export function draftFromCapture(capture: CaptureRequest, page: PageContext, input: CaptureInput): NoteDraft {
  if (capture.mode === 'link' && capture.linkUrl) {
    const title = capture.linkText?.trim() || capture.linkUrl;
    return {
      ...input,
      quote: title,
      selectors: [],
      page: { url: capture.linkUrl, canonicalUrl: stripTracking(capture.linkUrl), title: title.slice(0, 1000) },
    };
  }
  const quote = capture.mode === 'page' ? (page.excerpt ?? page.title) : capture.quote;
  const chat = capture.chat ? { chat: capture.chat, contributors: contributorsOf(capture.chat) } : {};
  return { ...input, quote, selectors: capture.mode === 'page' ? [] : capture.selectors, page, ...chat };
}
