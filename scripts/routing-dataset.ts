/**
 * Turns a Stack Exchange data-dump Posts.xml into the pseudonymised who-answered-what set bench/routing.ts
 * reads: member ids become stable salted hashes, title words become hashed topic tokens (no one's text is
 * shipped), tags and times stay. Usage: npx tsx scripts/routing-dataset.ts <Posts.xml> <out.json>
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tokenize } from '../lib/text/normalize';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: routing-dataset <Posts.xml> <out.json>');

const SALT = 'commonplace-routing-v1';
const hash = (kind: string, s: string) =>
  createHash('sha256').update(`${SALT}:${kind}:${s}`).digest('hex').slice(0, 10);
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

interface Row {
  [k: string]: string;
}
const rows: Row[] = [];
for (const m of readFileSync(input, 'utf8').matchAll(/<row\s([^>]*?)\/>/g)) {
  const row: Row = {};
  for (const a of m[1]!.matchAll(/(\w+)="([^"]*)"/g)) row[a[1]!] = unescape(a[2]!);
  rows.push(row);
}

const questions = rows
  .filter((r) => r.PostTypeId === '1' && r.OwnerUserId)
  .map((r) => ({
    id: hash('post', r.Id!),
    at: Date.parse(`${r.CreationDate}Z`),
    asker: hash('user', r.OwnerUserId!),
    tags: (r.Tags ?? '').split('|').filter(Boolean),
    words: [...new Set(tokenize(r.Title ?? '').filter((w) => w.length >= 4))].map((w) => `w:${hash('word', w)}`),
    accepted: r.AcceptedAnswerId ? hash('post', r.AcceptedAnswerId) : undefined,
  }));
const known = new Set(questions.map((q) => q.id));
const answers = rows
  .filter((r) => r.PostTypeId === '2' && r.OwnerUserId && r.ParentId && known.has(hash('post', r.ParentId)))
  .map((r) => ({
    id: hash('post', r.Id!),
    question: hash('post', r.ParentId!),
    at: Date.parse(`${r.CreationDate}Z`),
    by: hash('user', r.OwnerUserId!),
    score: Number(r.Score ?? 0),
  }));
questions.sort((a, b) => a.at - b.at);
answers.sort((a, b) => a.at - b.at);
writeFileSync(output, `${JSON.stringify({ questions, answers })}\n`);
console.log(`${questions.length} questions, ${answers.length} answers -> ${output}`);
