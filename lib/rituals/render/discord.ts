import type { RitualPost } from '../document';
import { clip } from './clip';
import { escapeMarkdown } from './markdown-escape';
import { markdownBlocks, packBlocks } from './markdown';

/**
 * Discord's embed limits (discord.com/developers/docs/resources/message#embed-object-embed-limits): title 256,
 * description 4096, at most 10 embeds a message, and 6000 characters across all embeds' titles, descriptions,
 * fields, footers and authors. `allowed_mentions.parse: []` (Execute Webhook) makes sure nothing pings anyone
 * even where a name in member text looks like a mention.
 */
export const DISCORD_LIMITS = { title: 256, description: 4096, embeds: 10, total: 6000 } as const;

export interface DiscordEmbed {
  title?: string;
  description: string;
}
export interface DiscordPayload {
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: never[] };
}

export function renderDiscord(post: RitualPost): DiscordPayload {
  const [first, ...rest] = post.blocks;
  const title = clip(first?.type === 'heading' ? first.text : post.title, DISCORD_LIMITS.title);
  const body = first?.type === 'heading' ? { ...post, blocks: rest } : post;
  // Discord's Markdown has no headings inside embeds: a sub-heading is a bold line.
  const blocks = markdownBlocks(body, (t) => `**${t}**`);
  const budget = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - title.length);
  return {
    embeds: [{ title: escapeTitle(title), description: packBlocks(blocks, budget) }],
    allowed_mentions: { parse: [] },
  };
}

/** Embed titles show Markdown too (bold, links do not open, but `*` would vanish into emphasis). */
const escapeTitle = (t: string) => clip(escapeMarkdown(t), DISCORD_LIMITS.title);
