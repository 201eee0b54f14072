import type { RitualPost } from '../document';
import { renderDiscord } from './discord';
import { renderEmail } from './email';
import { renderMarkdown } from './markdown';
import { renderSlack } from './slack';
import { renderTeams } from './teams';

export const POST_FORMATS = ['slack', 'teams', 'discord', 'mattermost', 'zulip', 'discourse', 'email'] as const;
export type PostFormat = (typeof POST_FORMATS)[number];

export const FORMAT_LABELS: Record<PostFormat, string> = {
  slack: 'Slack (Block Kit JSON)',
  teams: 'Microsoft Teams (Adaptive Card JSON)',
  discord: 'Discord (Markdown)',
  mattermost: 'Mattermost (Markdown)',
  zulip: 'Zulip (Markdown)',
  discourse: 'Discourse (Markdown)',
  email: 'E-mail (plain text)',
};

/** The post as the text a facilitator copies for `format`: a payload where the app takes one, else its Markdown. */
export function renderForCopy(post: RitualPost, format: PostFormat): string {
  switch (format) {
    case 'slack':
      return JSON.stringify(renderSlack(post), null, 2);
    case 'teams':
      return JSON.stringify(renderTeams(post), null, 2);
    case 'discord': {
      const embed = renderDiscord(post).embeds[0]!;
      return `**${embed.title ?? ''}**\n\n${embed.description}`;
    }
    case 'email':
      return renderEmail(post).text;
    default:
      return renderMarkdown(post, format);
  }
}
