/**
 * Markdown helpers for text we did not write (pages, chat, other members): escaped so it renders as the
 * same words, never as markup, raw HTML or a link someone slipped in.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-]|\d+[.)])/gm, (_m, sp: string, mark: string) => `${sp}\\${mark}`);
}

/** One line only: titles and headings must not be split into blocks by embedded newlines. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Prefixes every line with `> `, keeping empty lines inside the quote. */
export function blockquote(markdown: string): string {
  return markdown
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

/** A fenced code block whose fence is longer than any backtick run inside, with a cleaned language tag. */
export function fencedCode(code: string, language = ''): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const lang = language.replace(/[^\w+#.-]/g, '').slice(0, 40);
  return `${fence}${lang}\n${code.replace(/\n$/, '')}\n${fence}`;
}

/** A URL safe inside `[text](url)`: parentheses and spaces encoded. Only http(s) URLs reach here (model). */
export function linkTarget(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link with escaped text. */
export function mdLink(text: string, url: string): string {
  return `[${escapeMarkdown(oneLine(text)) || 'source'}](${linkTarget(url)})`;
}
