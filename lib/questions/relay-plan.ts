import { err, ok, pageKey, type ChatMessage, type Note, type Result } from '../model';
import { draftFormatOf } from '../capture/chat';
import { isPrivateQuestion } from './privacy';
import { relayDraft } from './relay-draft';

/** Everything "Relay answer" needs to write a reply into the thread a question was asked in. */
export interface RelayPlan {
  /** The thread (or channel) view the question was harvested from: the composer the reply belongs in. */
  url: string;
  /** The view the question was harvested in: an open tab showing it is the thread's too (see findThreadTab). */
  viewUrl: string;
  /** The question's message, so the content script finds the thread's own composer (a pane, a chat box). */
  ref?: Pick<ChatMessage, 'id' | 'permalink' | 'author' | 'timestamp'>;
  draft: string;
}

/**
 * Where and what to relay, or why not. The draft is in the markup of the app the question was asked in. Only a live question harvested from a chat, and only an answer to it
 * (its `links.answers` names it, or `isLinked`: an "answer-linked" event pointed at it), are relayed.
 */
export function relayPlan(question: Note | undefined, answer: Note | undefined, isLinked = false): Result<RelayPlan> {
  if (!question || question.deletedAt !== undefined || question.kind !== 'question')
    return err('That question is gone.');
  if (!question.chat) return err('This question was not asked in a chat, so there is no thread to relay to.');
  if (!answer || answer.deletedAt !== undefined) return err('That answer is gone.');
  if (answer.links?.answers !== question.id && !isLinked) return err('That note does not answer this question.');
  if (isPrivateQuestion(answer) && !isPrivateQuestion(question))
    return err('That answer was harvested in a private channel or DM, so it is not relayed to a community channel.');
  const m = question.chat.threadRoot ?? question.chat.messages[0];
  const ref = m ? { id: m.id, permalink: m.permalink, author: m.author, timestamp: m.timestamp } : undefined;
  return ok({
    url: threadUrl(question.page.url, m?.permalink),
    viewUrl: question.page.url,
    ...(ref ? { ref } : {}),
    draft: relayDraft(answer, relayLink(question, answer), draftFormatOf(question.chat.platform)),
  });
}

/**
 * The question's own message when the app links it on its own origin (Zulip's `#narrow/…/near/<id>`,
 * Mattermost's `/pl/<id>`, Discourse, GitHub: it opens the thread scrolled to it), else the view it was
 * harvested in (Slack's permalinks go through the workspace's host, not the client the composer is in).
 */
function threadUrl(pageUrl: string, permalink: string | undefined): string {
  try {
    return permalink && new URL(permalink).origin === new URL(pageUrl).origin ? permalink : pageUrl;
  } catch {
    return pageUrl;
  }
}

/**
 * The link a relayed reply carries: where the answer came from (its chat message, or the page it was
 * harvested on). None when the answer was written beside the question (it has the question's own page).
 */
export function relayLink(question: Note, answer: Note): string {
  const fromChat = answer.chat?.messages[0]?.permalink;
  if (fromChat) return fromChat;
  return samePage(question.page.url, answer.page.url) ? '' : answer.page.url;
}

function samePage(a: string, b: string): boolean {
  try {
    return pageKey(a) === pageKey(b);
  } catch {
    return a === b;
  }
}
