import type { Inline, PostBlock, RitualPost } from '../document';
import { oneLine } from './clip';

/**
 * Microsoft Teams: an Adaptive Card (schema 1.4, adaptivecards.io/explorer) in the envelope Teams incoming
 * webhooks and Workflows take. Every piece of text is a `TextRun` inside a `RichTextBlock`: TextRuns are never
 * read as Markdown (unlike `TextBlock`), so member text cannot format or link anything; links are ours, as an
 * `Action.OpenUrl` on the run. Teams refuses messages over 28 KB ("Send messages using incoming webhooks",
 * learn.microsoft.com): past that the card is shortened from the end, saying so.
 */
export const TEAMS_LIMITS = { bytes: 28_000 } as const;

export interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  size?: 'Small' | 'Medium' | 'Large';
  isSubtle?: boolean;
  selectAction?: { type: 'Action.OpenUrl'; url: string; title?: string };
}
export interface RichTextBlockElement {
  type: 'RichTextBlock';
  inlines: TextRun[];
  separator?: boolean;
  spacing?: 'Medium';
}
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.4';
  body: RichTextBlockElement[];
  msteams: { width: 'Full' };
}
export interface TeamsPayload {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: AdaptiveCardJson;
  }[];
}

function run(inline: Inline, extra: Partial<TextRun> = {}): TextRun {
  const i = { ...inline, text: oneLine(inline.text) };
  if (i.type === 'link')
    return {
      type: 'TextRun',
      text: i.text,
      ...extra,
      selectAction: { type: 'Action.OpenUrl', url: i.url, title: i.text },
    };
  if (i.type === 'strong') return { type: 'TextRun', text: i.text, weight: 'Bolder', ...extra };
  return { type: 'TextRun', text: i.text, ...extra };
}

function elements(b: PostBlock, isFirst: boolean): RichTextBlockElement[] {
  switch (b.type) {
    case 'heading':
      return [
        {
          type: 'RichTextBlock',
          inlines: [{ type: 'TextRun', text: oneLine(b.text), weight: 'Bolder', size: isFirst ? 'Large' : 'Medium' }],
          ...(isFirst ? {} : { spacing: 'Medium' as const }),
        },
      ];
    case 'paragraph':
      return [{ type: 'RichTextBlock', inlines: b.content.map((i) => run(i)) }];
    case 'list':
      return b.items.map((item) => ({
        type: 'RichTextBlock',
        inlines: [{ type: 'TextRun', text: '• ' }, ...item.map((i) => run(i))],
      }));
    case 'context':
      return [{ type: 'RichTextBlock', inlines: b.content.map((i) => run(i, { isSubtle: true, size: 'Small' })) }];
    case 'divider':
      return [];
  }
}

export function renderTeamsCard(post: RitualPost): AdaptiveCardJson {
  const body: RichTextBlockElement[] = [];
  let separate = false;
  post.blocks.forEach((b, i) => {
    if (b.type === 'divider') {
      separate = true;
      return;
    }
    for (const e of elements(b, i === 0)) {
      body.push(separate ? { ...e, separator: true } : e);
      separate = false;
    }
  });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    msteams: { width: 'Full' },
  };
}

const envelope = (content: AdaptiveCardJson): TeamsPayload => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }],
});

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

/** The webhook payload, within Teams' 28 KB. */
export function renderTeams(post: RitualPost): TeamsPayload {
  const card = renderTeamsCard(post);
  if (bytes(envelope(card)) <= TEAMS_LIMITS.bytes) return envelope(card);
  const body = [...card.body];
  let dropped = 0;
  const notice = (): RichTextBlockElement => ({
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text: `${dropped} more lines are in Commonplace.`, isSubtle: true }],
  });
  while (body.length > 1 && bytes(envelope({ ...card, body: [...body, notice()] })) > TEAMS_LIMITS.bytes) {
    body.pop();
    dropped++;
  }
  return envelope({ ...card, body: [...body, notice()] });
}
