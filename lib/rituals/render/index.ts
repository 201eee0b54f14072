export { renderSlack, escapeMrkdwn, SLACK_LIMITS, type SlackPayload } from './slack';
export { renderTeams, renderTeamsCard, TEAMS_LIMITS, type TeamsPayload, type AdaptiveCardJson } from './teams';
export { renderDiscord, DISCORD_LIMITS, type DiscordPayload } from './discord';
export { renderMarkdown, MARKDOWN_LIMITS, type MarkdownFlavour } from './markdown';
export { escapeMarkdown, markdownUrl, WORD_JOINER } from './markdown-escape';
export { renderEmail, escapeHtml, type EmailBody } from './email';
export { renderForCopy, POST_FORMATS, FORMAT_LABELS, type PostFormat } from './by-format';
