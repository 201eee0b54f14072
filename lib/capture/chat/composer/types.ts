/**
 * The writing half of a chat adapter: where the open thread's (or channel's) composer is. One adapter knows
 * how to read and how to write its app, so the selectors live next to the reader's, in the adapter's file.
 */
export interface ComposerPart {
  /** Fragile selectors, one object, next to the fixture that proves them. */
  selectors: Readonly<Record<string, string>>;
  /**
   * The composer a reply to `near` (a rendered message of the thread, when there is one) goes into: the thread
   * pane's when the message sits in one, else the view's. Null when the app shows none.
   */
  find(doc: Document, near?: Element | null): HTMLElement | null;
  /**
   * For apps whose composer is collapsed until asked for (Zulip's "Message #channel > topic" button): opens it
   * as the user's click would, and says whether `el` is open now. Absent: always open.
   */
  open?(doc: Document, el: HTMLElement): boolean;
}

/** What a relay write did; `holds` is always the composer's text afterwards, read back from it. */
export type ComposerWrite =
  /** The composer now holds the draft (a draft of ours that was there was replaced). */
  | { status: 'written'; holds: string }
  /** The composer holds words the user wrote: nothing was changed; ask before replacing them. */
  | { status: 'user-draft'; holds: string }
  /** The editor did not take the text (it refused the edit, or rewrote it): said, never hidden. */
  | { status: 'refused'; holds: string };

/**
 * The markup a relayed draft is written in, as its app reads what is typed into its composer: Slack's markup
 * (`*bold*`; a link typed as `<url|text>` stays literal there, so a bare address, which Slack links), Markdown
 * (Zulip, Mattermost, Discourse, GitHub), Discord's Markdown, or plain text (Teams, Google Chat, unknown apps:
 * their composers take no typed markup for links).
 */
export type DraftFormat = 'slack' | 'markdown' | 'discord' | 'plain';
