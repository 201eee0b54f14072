import type { Inline, RitualPost } from '../document';
import { oneLine } from './clip';

export interface EmailBody {
  subject: string;
  text: string;
  html: string;
}

/** HTML text and attribute escaping: `&<>"'` as character references, so member text is only ever text. */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const inlineText = (c: readonly Inline[]) =>
  c.map((i) => (i.type === 'link' ? `${oneLine(i.text)} <${i.url}>` : oneLine(i.text))).join('');
const inlineHtml = (c: readonly Inline[]) =>
  c
    .map((i) =>
      i.type === 'link'
        ? `<a href="${escapeHtml(i.url)}">${escapeHtml(oneLine(i.text))}</a>`
        : i.type === 'strong'
          ? `<strong>${escapeHtml(oneLine(i.text))}</strong>`
          : escapeHtml(oneLine(i.text)),
    )
    .join('');

/** The post as an e-mail: a plain-text part any client reads and an HTML part with the same words and links. */
export function renderEmail(post: RitualPost): EmailBody {
  const text: string[] = [];
  const html: string[] = [];
  post.blocks.forEach((b, i) => {
    switch (b.type) {
      case 'heading':
        text.push(`${oneLine(b.text)}\n${(i === 0 ? '=' : '-').repeat(Math.min(oneLine(b.text).length, 72))}`);
        html.push(i === 0 ? `<h1>${escapeHtml(b.text)}</h1>` : `<h2>${escapeHtml(b.text)}</h2>`);
        break;
      case 'paragraph':
        text.push(inlineText(b.content));
        html.push(`<p>${inlineHtml(b.content)}</p>`);
        break;
      case 'list':
        text.push(b.items.map((it) => `- ${inlineText(it)}`).join('\n'));
        html.push(`<ul>${b.items.map((it) => `<li>${inlineHtml(it)}</li>`).join('')}</ul>`);
        break;
      case 'context':
        text.push(inlineText(b.content));
        html.push(`<p><small>${inlineHtml(b.content)}</small></p>`);
        break;
      case 'divider':
        text.push('--');
        html.push('<hr>');
        break;
    }
  });
  return {
    subject: post.title.replace(/\s+/g, ' '),
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(post.title)}</title></head><body>${html.join('\n')}</body></html>`,
  };
}
