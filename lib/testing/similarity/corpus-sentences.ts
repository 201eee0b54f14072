import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../corpus';

/** Test pages repeat lorem ipsum in near-identical variants: true duplicates that would muddle the labels. */
const PLACEHOLDER = /\b(lorem|ipsum|consectetur|laboris|proident|reprehenderit)\b/i;

/**
 * Real sentences (unique across pages) from the corpus pages, grouped by page: test and benchmark data with real vocabulary.
 * Tags are stripped with a regex, which is fine for trusted fixtures and never used on live pages.
 */
export function corpusSentences(minWords = 8, maxWords = 60): { page: string; sentences: string[] }[] {
  const dir = corpusDir();
  if (!dir) return [];
  const out: { page: string; sentences: string[] }[] = [];
  const seen = new Set<string>();
  for (const page of readdirSync(dir).sort()) {
    const file = join(dir, page, 'expected.html');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8')
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&#?\w+;/g, ' ')
      .replace(/\s+/g, ' ');
    const sentences = text
      .split(/(?<=[.!?。])\s+/)
      .map((s) => s.trim())
      .filter((s) => {
        const n = s.split(' ').length;
        const key = s.toLowerCase().replace(/\W+/g, '');
        if (n < minWords || n > maxWords || seen.has(key) || PLACEHOLDER.test(s)) return false;
        seen.add(key);
        return true;
      });
    if (sentences.length) out.push({ page, sentences });
  }
  return out;
}
