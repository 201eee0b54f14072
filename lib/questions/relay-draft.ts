import type { DraftFormat } from '../capture/chat/composer/types';
import type { Note } from '../model';
import { escapeMarkdown, markdownUrl, WORD_JOINER } from '../rituals/render/markdown-escape';

export type { DraftFormat };

/** How long the gist may be: a chat reply, not the note. */
export const GIST_MAX = 280;

/** The parts of a relayed reply, before they are written in the destination app's markup. */
interface DraftParts {
  gist: string;
  link: string;
  credit?: { who: string; where: string };
}

/** An `@` before a name gets a word joiner: typed into a composer, a member's words never ping anyone. */
const noMention = (s: string) => s.replace(/@(?=[\p{L}\p{N}_])/gu, `@${WORD_JOINER}`);

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Each app's markup for the reply, as typed into its composer. Member words (gist, names, channels) are text
 * in every one: Markdown escapes them as the ritual renderers do (lib/rituals/render/markdown-escape); Slack's
 * and plain composers send typed text as text, so only mentions are parted.
 */
const RENDER: Record<DraftFormat, (p: DraftParts) => (string | undefined)[]> = {
  plain: ({ gist, link, credit }) => [
    noMention(gist),
    link,
    credit &&
      `Thanks to ${noMention(credit.who)}${credit.where ? `, who found this in ${noMention(credit.where)}` : ''}`,
  ],
  // Slack's composer reads `*bold*` as typed; a typed `<url|text>` stays literal there, a bare address is linked.
  slack: ({ gist, link, credit }) => [
    noMention(gist),
    link,
    credit &&
      `Thanks to *${noMention(credit.who)}*${credit.where ? `, who found this in ${noMention(credit.where)}` : ''}`,
  ],
  markdown: (p) => markdownLines(p),
  // Discord's Markdown: the same escapes (lib/rituals/render/discord.ts); a link in <…> shows as a link without
  // the preview card Discord would unfold into the thread (a masked [text](url) link gets one).
  discord: (p) => markdownLines(p, (url) => `<${markdownUrl(url)}>`),
};

function markdownLines(
  { gist, link, credit }: DraftParts,
  linkLine = (url: string) => `[${escapeMarkdown(hostOf(url) || url)}](${markdownUrl(url)})`,
): (string | undefined)[] {
  return [
    escapeMarkdown(gist),
    link && linkLine(link),
    credit &&
      `Thanks to **${escapeMarkdown(credit.who)}**${credit.where ? `, who found this in ${escapeMarkdown(credit.where)}` : ''}`,
  ];
}

/**
 * The reply "Relay answer" drafts into the thread a question was asked in: the answer's gist, a link to the
 * note (or wiki page), and a credit line naming who found it and where ("Thanks to Sarah, who found this in
 * #infra"), in the markup of the app it goes to (`format`: the app's adapter says which). Nothing in a member's
 * note can become markup or a mention in the thread. The human reads it and presses send.
 */
export function relayDraft(answer: Note, link: string, format: DraftFormat = 'plain'): string {
  const text = (answer.takeaway.trim() || answer.quote.trim()).replace(/\s+/g, ' ');
  const gist = text.length > GIST_MAX ? `${text.slice(0, GIST_MAX - 1)}…` : text;
  const credit = creditOf(answer);
  return RENDER[format]({ gist, link, ...(credit ? { credit } : {}) })
    .filter(Boolean)
    .join('\n\n');
}

/** Who to thank: the first person whose words the answer quotes, else whoever harvested it; and where. */
function creditOf(answer: Note): DraftParts['credit'] {
  const who = answer.contributors?.[0]?.name ?? answer.author?.name;
  if (!who) return undefined;
  const where = answer.chat?.channel
    ? `#${answer.chat.channel.replace(/^#/, '')}`
    : answer.page.siteName || hostOf(answer.page.url);
  return { who, where };
}
