import type { Inline, PostBlock, RitualPost } from '../document';
import { escapeMarkdown, markdownUrl } from './markdown-escape';

export type MarkdownFlavour = 'mattermost' | 'zulip' | 'discourse';

/**
 * Longest message each app takes: Mattermost's post size (16383 characters, "MaxPostSize" in
 * developers.mattermost.com's post API), Zulip's `max_message_length` (10000, zulip.com/api/send-message),
 * Discourse's default `max_post_length` (32000 site setting). Longer posts are cut at a line, saying so.
 */
export const MARKDOWN_LIMITS: Record<MarkdownFlavour, number> = {
  mattermost: 16_383,
  zulip: 10_000,
  discourse: 32_000,
};

export function inlineMarkdown(content: readonly Inline[]): string {
  return content
    .map((i) =>
      i.type === 'link'
        ? `[${escapeMarkdown(i.text)}](${markdownUrl(i.url)})`
        : i.type === 'strong'
          ? `**${escapeMarkdown(i.text)}**`
          : escapeMarkdown(i.text),
    )
    .join('');
}

/** The post as Markdown blocks (paragraph-separated), headings as the flavour writes them. */
export function markdownBlocks(post: RitualPost, heading: (text: string, isFirst: boolean) => string): string[] {
  return post.blocks.map((b: PostBlock, i) => {
    switch (b.type) {
      case 'heading':
        return heading(escapeMarkdown(b.text), i === 0);
      case 'paragraph':
        return inlineMarkdown(b.content);
      case 'list':
        return b.items.map((item) => `- ${inlineMarkdown(item)}`).join('\n');
      case 'context':
        return `*${inlineMarkdown(b.content)}*`;
      case 'divider':
        return '---';
    }
  });
}

/** Joins blocks up to `max` characters; what does not fit is left out, with a line saying how much. */
export function packBlocks(blocks: readonly string[], max: number): string {
  const lines = blocks.flatMap((b, i) => (i === 0 ? b.split('\n') : ['', ...b.split('\n')]));
  let out = lines.join('\n');
  if (out.length <= max) return out;
  const kept = [...lines];
  let dropped = 0;
  const notice = () => `\n\n*${dropped} more lines are in Commonplace\\.*`;
  while (kept.length > 1 && (out = kept.join('\n')).length + notice().length > max) {
    if (kept.pop() !== '') dropped++;
  }
  return out + notice();
}

const HEADINGS: Record<MarkdownFlavour, (t: string, isFirst: boolean) => string> = {
  mattermost: (t, first) => `${first ? '###' : '####'} ${t}`,
  discourse: (t, first) => `${first ? '##' : '###'} ${t}`,
  // Zulip's Markdown has headings, but in a stream message a bold line reads as a heading without shouting.
  zulip: (t) => `**${t}**`,
};

/** The post as a Mattermost, Zulip or Discourse message (the `text`, `content` or `raw` of their webhooks/APIs). */
export function renderMarkdown(post: RitualPost, flavour: MarkdownFlavour): string {
  return packBlocks(markdownBlocks(post, HEADINGS[flavour]), MARKDOWN_LIMITS[flavour]);
}
