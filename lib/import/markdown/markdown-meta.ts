/** Front matter (`---` YAML block) as flat key → string; just enough YAML for export headers. */
export function frontMatter(lines: string[]): { meta: Map<string, string>; bodyStart: number } {
  const meta = new Map<string, string>();
  if (lines[0]?.trim() !== '---') return { meta, bodyStart: 0 };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return { meta, bodyStart: 0 };
  for (const l of lines.slice(1, end)) {
    const m = /^([\w-]+):\s*(.*)$/.exec(l);
    if (m) meta.set(m[1]!.toLowerCase(), unquote(m[2]!));
  }
  return { meta, bodyStart: end + 1 };
}

const unquote = (v: string) => v.trim().replace(/^(["'])(.*)\1$/, '$2');

/**
 * The first http(s) URL in a text: a Markdown link's target (which may hold `'` and balanced parentheses, as
 * Wikipedia's do), `<url>`, or a bare URL.
 */
export function firstUrl(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const linked = /\]\((https?:\/\/(?:[^\s()]|\([^\s()]*\))+)\)/.exec(text)?.[1];
  const angled = /<(https?:\/\/[^\s>]+)>/.exec(text)?.[1];
  const bare = /https?:\/\/[^\s)<>\]"']+/.exec(text)?.[0];
  const found = [linked, angled, bare].filter((u): u is string => !!u);
  // the one that starts first in the text
  return found.sort((a, b) => text.indexOf(a) - text.indexOf(b))[0];
}

/** `[[tag]]`, `#tag` and comma lists → tags. */
export function tagsIn(text: string): string[] {
  const out = [...text.matchAll(/\[\[([^\]]+)\]\]|#([\p{L}\p{N}_/-]+)/gu)].map((m) => m[1] ?? m[2]!);
  if (out.length) return out;
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The page a whole file is about, from whichever header its tool writes. */
export function documentSource(
  meta: Map<string, string>,
  body: string,
): { url?: string; title?: string; author?: string; tags: string[] } {
  const prop = (key: string) => new RegExp(`^\\s*${key}::[ \\t]*(.+)$`, 'im').exec(body)?.[1]?.trim();
  const listed = (key: string) => new RegExp(`^\\s*[-*]\\s*${key}:\\s*(.+)$`, 'im').exec(body)?.[1]?.trim();
  const url =
    firstUrl(
      meta.get('url') ??
        meta.get('source') ??
        meta.get('link') ??
        meta.get('original_url') ??
        meta.get('omnivore-url') ??
        meta.get('site'),
    ) ??
    firstUrl(listed('URL')) ?? // Readwise metadata list
    firstUrl(/\[Read Original\]\(([^)]+)\)/i.exec(body)?.[1]) ?? // Omnivore
    firstUrl(prop('(?:url|source|original-url)')); // Logseq page property
  const title =
    meta.get('title') ??
    prop('full-title')?.replace(/^"(.*)"$/, '$1') ??
    prop('title')?.replace(/\s*\(highlights\)$/i, '') ??
    listed('Full Title') ??
    /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  const rawAuthor = meta.get('author') ?? prop('author') ?? listed('Author');
  const author =
    rawAuthor
      ?.replace(/^\[\[(.*)\]\]$/, '$1')
      .replace(/^\*(.*)\*$/, '$1')
      .trim() || undefined;
  const tagText = meta.get('tags') ?? prop('tags');
  const tags = tagText ? tagsIn(tagText.replace(/^\[|\]$/g, '')) : [];
  return { url, title, author, tags };
}

/** Link-and-label debris export tools append to a highlight: `([View Highlight](…))`, `[⤴️](…)`, `#labels`. */
export function cleanHighlight(text: string): { text: string; tags: string[] } {
  const tags: string[] = [];
  let t = text
    .replace(/\s*\(\[(?:View Highlight|View Tweet|Location\s[^\]]*|Page\s[^\]]*)\]\([^)]*\)\)\s*$/i, '')
    .replace(/\s*\[⤴️?\]\([^)]*\)/gu, '');
  t = t.replace(/(?:\s+#[\p{L}\p{N}_/-]+)+\s*$/u, (m) => {
    tags.push(...tagsIn(m));
    return '';
  });
  return { text: t.trim(), tags };
}
