import type {
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  RichTextBlock,
  RichTextElement,
  RichTextSection,
} from '@slack/types';
import type { Inline, PostBlock, RitualPost } from '../document';
import { clip, oneLine } from './clip';

/**
 * Slack's documented limits (docs.slack.dev/reference/block-kit/blocks): a message holds at most 50 blocks; a
 * header's plain_text at most 150 characters; a text object at most 3000 (section block reference); a context
 * block at most 10 elements. The top-level `text` is the notification fallback (chat.postMessage "text").
 */
export const SLACK_LIMITS = { blocks: 50, header: 150, text: 3000, contextElements: 10 } as const;

export interface SlackPayload {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Slack mrkdwn escaping: the three characters Slack documents as control characters ("Escaping text" in
 * docs.slack.dev/messaging/formatting-message-text). With them escaped no mention (`<@U…>`, `<!here>`) or link
 * (`<url|text>`) can be formed. Mrkdwn has no escape for `*_~\``, so member text never goes into a mrkdwn field:
 * it travels in plain_text and rich_text `text` elements, which Slack shows literally.
 */
export const escapeMrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function richElements(content: readonly Inline[]): RichTextElement[] {
  return content.map((i) => {
    const t = clip(oneLine(i.text), SLACK_LIMITS.text);
    if (i.type === 'link') return { type: 'link', url: i.url, text: t };
    if (i.type === 'strong') return { type: 'text', text: t, style: { bold: true } };
    return { type: 'text', text: t };
  });
}

const section = (content: readonly Inline[]): RichTextSection => ({
  type: 'rich_text_section',
  elements: richElements(content),
});

function block(b: PostBlock): KnownBlock {
  switch (b.type) {
    case 'heading':
      return {
        type: 'header',
        text: { type: 'plain_text', text: clip(oneLine(b.text), SLACK_LIMITS.header) },
      } as HeaderBlock;
    case 'paragraph':
      return { type: 'rich_text', elements: [section(b.content)] } as RichTextBlock;
    case 'list':
      return {
        type: 'rich_text',
        elements: [{ type: 'rich_text_list', style: 'bullet', elements: b.items.map(section) }],
      } as RichTextBlock;
    case 'context':
      return {
        type: 'context',
        elements: b.content
          .slice(0, SLACK_LIMITS.contextElements)
          .map((i) => ({ type: 'plain_text', text: clip(oneLine(i.text), SLACK_LIMITS.text) })),
      } as ContextBlock;
    case 'divider':
      return { type: 'divider' };
  }
}

/**
 * The post as an incoming-webhook / chat.postMessage payload. Over 50 blocks, the last kept block says how
 * many were left out, so a long edited post is shortened visibly instead of refused by Slack.
 */
export function renderSlack(post: RitualPost): SlackPayload {
  let blocks = post.blocks.map(block);
  if (blocks.length > SLACK_LIMITS.blocks) {
    const left = blocks.length - (SLACK_LIMITS.blocks - 1);
    blocks = [
      ...blocks.slice(0, SLACK_LIMITS.blocks - 1),
      { type: 'context', elements: [{ type: 'plain_text', text: `${left} more parts are in Commonplace.` }] },
    ];
  }
  return { text: clip(escapeMrkdwn(post.title), SLACK_LIMITS.text), blocks };
}
