/** CommonMark's escapable characters: all ASCII punctuation (spec.commonmark.org/0.31.2/#backslash-escapes). */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** U+2060 WORD JOINER: invisible, and it parts an `@` from the name after it so no app reads a mention. */
export const WORD_JOINER = '\u2060';

/**
 * Member text as Markdown that shows exactly that text: every ASCII punctuation backslash-escaped (no emphasis,
 * link, code, heading, list, HTML or autolink can start), line breaks folded into spaces (a list item stays one
 * item), and a word joiner after each `@` that precedes a name character — Mattermost and Discourse find
 * `@channel`/`@name` in the text itself, before Markdown, so an escape alone does not stop the ping.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(PUNCTUATION, (c) => `\\${c}`)
    .replace(/@(?=[\p{L}\p{N}_])/gu, `@${WORD_JOINER}`);
}

/** A link destination Markdown cannot misread: characters that could end it or start markup are percent-encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/[()<>\s\\[\]`*_]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
