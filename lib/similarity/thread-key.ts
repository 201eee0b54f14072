import type { ChatContext } from '../model';

/**
 * One key per chat thread, whatever message of it was harvested: platform, workspace, channel and the root
 * message (its id, else its permalink). Undefined when the chat is not a thread we can name.
 */
export function threadKey(chat: ChatContext | undefined): string | undefined {
  if (!chat) return undefined;
  const root = chat.threadRoot ?? chat.messages.find((m) => m.isRoot);
  const rootId = root?.id ?? root?.permalink;
  if (!rootId) return undefined;
  return [chat.platform, chat.workspace ?? '', chat.channel ?? '', rootId].join('\u0001');
}
