// @vitest-environment jsdom
import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { oneLine } from './clip';
import { postWith } from '../../testing/ritual-post';
import { renderDiscord, renderEmail, renderMarkdown, renderSlack, renderTeams, WORD_JOINER } from './index';

/**
 * Member text can never inject a mention, a link or formatting, in any format: the rendered payload for hostile
 * text has exactly the structure it has for harmless text, every link is one of ours, and the words read back
 * are the member's words.
 */
const TOKENS = [
  '*',
  '**',
  '_',
  '__',
  '~',
  '~~',
  '`',
  '```',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '@',
  '!',
  '#',
  '|',
  '&',
  ';',
  ':',
  '/',
  '.',
  '\\',
  '-',
  '+',
  '=',
  '>',
  '\n',
  ' ',
  '  ',
  '\t',
  'https://',
  'http://',
  'www.',
  'evil.example',
  'here',
  'channel',
  'everyone',
  'U024',
  '<@',
  '<!',
  '<#C1>',
  '&amp;',
  '&lt;',
  '<b>',
  '</a>',
  'é',
  '1.',
  'a',
  'b',
  '<at>',
];
const member = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 24 }).map((t) => `x${t.join('')}`);
const OUR_URLS = new Set(['https://wiki.example.org/runbooks/keys?x=1&y=(2)', 'https://example.org/q/2']);
const SAFE = 'harmless words';

function html(s: string): Document {
  return new DOMParser().parseFromString(s, 'text/html');
}
const shape = (d: Document) => [...d.body.querySelectorAll('*')].map((e) => e.tagName).join(' ');
const hrefs = (d: Document) => [...d.querySelectorAll('a')].map((a) => decodeURI(a.getAttribute('href') ?? ''));
const readBack = (s: string) => s.replaceAll(WORD_JOINER, '').trim();

function checkMarkdown(md: string, safeMd: string, m: string) {
  const doc = html(marked.parse(md, { async: false, gfm: true }));
  const safe = html(marked.parse(safeMd, { async: false, gfm: true }));
  expect(shape(doc)).toBe(shape(safe));
  for (const h of hrefs(doc)) expect(OUR_URLS.has(h.replace('%28', '(').replace('%29', ')'))).toBe(true);
  expect(readBack(doc.querySelector('a')!.textContent!)).toBe(oneLine(m).trim());
  expect(md).not.toMatch(/@[\p{L}\p{N}_]/u);
}

const RUNS = { numRuns: 100 };

describe('member text injects nothing', () => {
  it('Mattermost, Zulip and Discourse Markdown (read back with a CommonMark/GFM parser)', () => {
    fc.assert(
      fc.property(member, (m) => {
        for (const f of ['mattermost', 'zulip', 'discourse'] as const) {
          checkMarkdown(renderMarkdown(postWith(m), f), renderMarkdown(postWith(SAFE), f), m);
        }
      }),
      RUNS,
    );
  });

  it('Discord: the embed description and title, and no mention is parsed at all', () => {
    fc.assert(
      fc.property(member, (m) => {
        const p = renderDiscord({
          ...postWith(m),
          blocks: postWith(m).blocks.map((b, i) => (i === 0 ? { type: 'heading', text: m } : b)),
        });
        const safe = renderDiscord(postWith(SAFE));
        checkMarkdown(p.embeds[0]!.description, safe.embeds[0]!.description, m);
        expect(shape(html(marked.parse(p.embeds[0]!.title!, { async: false })))).toBe('P');
        expect(p.allowed_mentions.parse).toEqual([]);
      }),
      RUNS,
    );
  });

  it('Slack: member words only in plain_text and rich_text text, no mrkdwn, fallback text escaped', () => {
    fc.assert(
      fc.property(member, (m) => {
        const p = renderSlack({ ...postWith(m), title: m });
        expect(p.text).not.toMatch(/[<>]/);
        expect(p.text.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
        const seen: string[] = [];
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) return v.forEach(walk);
          if (!v || typeof v !== 'object') return;
          const o = v as Record<string, unknown>;
          expect(o.type).not.toBe('mrkdwn');
          if (o.type === 'link') expect(OUR_URLS.has(o.url as string)).toBe(true);
          if (typeof o.text === 'string') {
            expect(['plain_text', 'text', 'link']).toContain(o.type);
            seen.push(o.text);
          }
          Object.values(o).forEach(walk);
        };
        walk(p.blocks);
        expect(seen).toContain(oneLine(m));
      }),
      RUNS,
    );
  });

  it('Teams: only TextRuns (never Markdown-read TextBlocks), links only ours', () => {
    fc.assert(
      fc.property(member, (m) => {
        const body = renderTeams(postWith(m)).attachments[0]!.content.body;
        const runs = body.flatMap((b) => {
          expect(b.type).toBe('RichTextBlock');
          return b.inlines;
        });
        for (const r of runs) {
          expect(r.type).toBe('TextRun');
          if (r.selectAction) expect(OUR_URLS.has(r.selectAction.url)).toBe(true);
        }
        expect(runs.map((r) => r.text)).toContain(oneLine(m));
      }),
      RUNS,
    );
  });

  it('e-mail: the HTML part has the structure of a harmless post, the text part its lines', () => {
    fc.assert(
      fc.property(member, (m) => {
        const mail = renderEmail({ ...postWith(m), title: m });
        const safe = renderEmail(postWith(SAFE));
        const doc = html(mail.html);
        expect(shape(doc)).toBe(shape(html(safe.html)));
        for (const h of hrefs(doc)) expect(OUR_URLS.has(h)).toBe(true);
        expect(doc.querySelector('a')!.textContent).toBe(oneLine(m));
        expect(doc.title).toBe(m.replace(/\s+/g, ' ').trim());
        expect(mail.text.split('\n')).toHaveLength(safe.text.split('\n').length);
        expect(mail.subject).not.toMatch(/[\r\n]/);
      }),
      RUNS,
    );
  });
});
