import type { RitualKind } from '../digest/types';

/**
 * The neutral document a ritual post is composed into; every renderer (Slack, Teams, Discord, Markdown, e-mail)
 * reads only this. Text is always literal: member words travel as `text`, never as markup, and each renderer
 * escapes them for its own format. Links carry an http(s) URL that came from a validated note.
 */
export type Inline =
  { type: 'text'; text: string } | { type: 'strong'; text: string } | { type: 'link'; text: string; url: string };

export type PostBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; items: Inline[][] }
  | { type: 'context'; content: Inline[] }
  | { type: 'divider' };

export interface RitualPost {
  ritualId: string;
  kind: RitualKind;
  communityId: string;
  /** The post's title (our words and the ritual's title), also the e-mail subject. */
  title: string;
  /** The occurrence the post is for, `YYYY-MM-DD` in the community's zone. */
  day: string;
  blocks: PostBlock[];
}

export const text = (t: string): Inline => ({ type: 'text', text: t });
export const strong = (t: string): Inline => ({ type: 'strong', text: t });
export const link = (t: string, url: string): Inline => ({ type: 'link', text: t, url });

/** The words of inlines without any format: what a preview's accessible text and plain-text fallbacks show. */
export function plainOf(content: readonly Inline[]): string {
  return content.map((i) => i.text).join('');
}
