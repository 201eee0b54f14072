// @vitest-environment jsdom
import * as AC from 'adaptivecards';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { text, type RitualPost } from '../document';
import { HOSTILE, postWith } from '../../testing/ritual-post';
import {
  DISCORD_LIMITS,
  MARKDOWN_LIMITS,
  renderDiscord,
  renderEmail,
  renderForCopy,
  renderMarkdown,
  renderSlack,
  renderTeams,
  SLACK_LIMITS,
  TEAMS_LIMITS,
} from './index';

const golden = (name: string) => `./golden/${name}`;
const post = postWith(HOSTILE, 'Sarah <@U1> *O’Neil*');

describe('golden payloads', () => {
  it('Slack Block Kit', async () => {
    await expect(JSON.stringify(renderSlack(post), null, 2) + '\n').toMatchFileSnapshot(golden('slack.json'));
  });
  it('Microsoft Teams Adaptive Card', async () => {
    await expect(JSON.stringify(renderTeams(post), null, 2) + '\n').toMatchFileSnapshot(golden('teams.json'));
  });
  it('Discord', async () => {
    await expect(JSON.stringify(renderDiscord(post), null, 2) + '\n').toMatchFileSnapshot(golden('discord.json'));
  });
  it.each(['mattermost', 'zulip', 'discourse'] as const)('%s Markdown', async (flavour) => {
    await expect(renderMarkdown(post, flavour) + '\n').toMatchFileSnapshot(golden(`${flavour}.md`));
  });
  it('e-mail, text and HTML', async () => {
    const mail = renderEmail(post);
    expect(mail.subject).toBe('Ask me anything: Tuesday 15 December 2026');
    await expect(mail.text).toMatchFileSnapshot(golden('email.txt'));
    await expect(mail.html + '\n').toMatchFileSnapshot(golden('email.html'));
  });
});

/** A post of `n` paragraphs after its heading, each `len` characters of member text. */
function longPost(n: number, len: number, heading = 'H'): RitualPost {
  return {
    ...postWith('x'),
    blocks: [
      { type: 'heading', text: heading },
      ...Array.from({ length: n }, (_, i) => ({
        type: 'paragraph' as const,
        content: [text(`${i} ${'w'.repeat(len)}`)],
      })),
    ],
  };
}

describe('limits', () => {
  it('Slack: at most 50 blocks (the last says how many were left out), header 150, text 3000', () => {
    const p = renderSlack(longPost(80, 5000, 'T'.repeat(400)));
    expect(p.blocks).toHaveLength(SLACK_LIMITS.blocks);
    expect(p.blocks[0]).toMatchObject({ type: 'header', text: { text: `${'T'.repeat(149)}…` } });
    expect(JSON.stringify(p.blocks.at(-1))).toContain('32 more parts are in Commonplace.');
    const texts = JSON.stringify(p).match(/"text":"[^"]*"/g)!;
    for (const t of texts) expect(t.length - 9).toBeLessThanOrEqual(SLACK_LIMITS.text);
    expect(renderSlack(longPost(48, 10)).blocks).toHaveLength(49);
  });

  it('Teams: the payload stays within 28 KB, saying what was left out', () => {
    const p = renderTeams(longPost(200, 400));
    expect(new TextEncoder().encode(JSON.stringify(p)).length).toBeLessThanOrEqual(TEAMS_LIMITS.bytes);
    expect(JSON.stringify(p.attachments[0]!.content.body.at(-1))).toMatch(/\d+ more lines are in Commonplace\./);
    expect(renderTeams(longPost(3, 10)).attachments[0]!.content.body).toHaveLength(4);
  });

  it('Discord: title 256, description 4096, all embeds within 6000', () => {
    const p = renderDiscord(longPost(100, 200, 'T'.repeat(300)));
    const e = p.embeds[0]!;
    expect(e.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(e.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(p.embeds.reduce((s, x) => s + (x.title?.length ?? 0) + x.description.length, 0)).toBeLessThanOrEqual(
      DISCORD_LIMITS.total,
    );
    expect(e.description).toMatch(/\d+ more lines are in Commonplace\\\.\*$/);
    expect(p.allowed_mentions).toEqual({ parse: [] });
  });

  it.each(['mattermost', 'zulip', 'discourse'] as const)('%s: the message stays within its length', (flavour) => {
    const md = renderMarkdown(longPost(400, 200), flavour);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMITS[flavour]);
    expect(md).toMatch(/more lines are in Commonplace/);
    // Markdown cut at a line is still the same Markdown up to there: every kept paragraph is whole.
    expect(marked.parse(md, { async: false })).not.toMatch(/<p>\d+ w*<\/p>\s*$/);
  });
});

describe('Adaptive Card', () => {
  it('the golden card parses with adaptivecards without a single validation event', () => {
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse(renderTeams(post).attachments[0]!.content, context);
    const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
    expect(events).toEqual([]);
    expect(card.validateProperties().validationEvents).toEqual([]);
    expect(card.getItemCount()).toBe(renderTeams(post).attachments[0]!.content.body.length);
  });
});

describe('renderForCopy', () => {
  it('gives each app the text its renderer makes: payload JSON for Slack and Teams, Markdown or text elsewhere', () => {
    expect(JSON.parse(renderForCopy(post, 'slack'))).toEqual(renderSlack(post));
    expect(JSON.parse(renderForCopy(post, 'teams'))).toEqual(renderTeams(post));
    expect(renderForCopy(post, 'zulip')).toBe(renderMarkdown(post, 'zulip'));
    expect(renderForCopy(post, 'email')).toBe(renderEmail(post).text);
    expect(renderForCopy(post, 'discord')).toBe(
      `**${renderDiscord(post).embeds[0]!.title}**\n\n${renderDiscord(post).embeds[0]!.description}`,
    );
  });
});
