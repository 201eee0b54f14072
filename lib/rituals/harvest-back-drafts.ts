import type { ChatContext, NoteDraft, PageContext } from '../model';
import { contributorsOf } from '../capture/chat';
import type { RitualKind } from '../digest/types';
import type { ReplyProposal } from './harvest-back';

/** The tag each ritual's harvested replies carry, so they can be found together ("tag:ama"). */
export const RITUAL_TAGS: Readonly<Record<RitualKind, string>> = {
  ama: 'ama',
  huddle: 'huddle',
  'show-and-tell': 'show-and-tell',
  'win-thread': 'win-of-the-week',
};

/**
 * The notes for the replies the user kept, one per reply: the reply's words as the quote, its author credited
 * (not the post's author), the thread's root kept for context. A reply from a private channel or DM is never
 * shared: `communityId` is forced to null there, whatever was chosen, and it then answers no community question.
 */
export function harvestBackDrafts(
  chosen: readonly ReplyProposal[],
  ctx: { chat: ChatContext; page: PageContext; communityId: string | null; ritual: RitualKind },
): NoteDraft[] {
  const isPrivate = ctx.chat.isPrivate === true;
  const communityId = isPrivate ? null : ctx.communityId;
  return chosen.map((p) => {
    const chat: ChatContext = {
      platform: ctx.chat.platform,
      ...(ctx.chat.workspace ? { workspace: ctx.chat.workspace } : {}),
      ...(ctx.chat.channel ? { channel: ctx.chat.channel } : {}),
      ...(ctx.chat.isPrivate !== undefined ? { isPrivate: ctx.chat.isPrivate } : {}),
      messages: [p.message],
    };
    const answers = p.answers && (p.answers.communityId ?? null) === communityId ? p.answers.id : undefined;
    return {
      kind: answers ? 'answer' : p.kind === 'answer' ? 'insight' : p.kind,
      quote: p.message.text.slice(0, 20_000),
      takeaway: '',
      tags: [RITUAL_TAGS[ctx.ritual]],
      selectors: [],
      page: ctx.page,
      communityId,
      contributors: contributorsOf(chat),
      chat: {
        ...chat,
        ...(ctx.chat.threadRoot ? { threadRoot: ctx.chat.threadRoot, isThread: true } : {}),
      },
      ...(answers ? { links: { answers } } : {}),
    };
  });
}
