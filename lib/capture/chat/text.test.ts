import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderedText } from './text';

const el = (html: string) => new JSDOM(`<div id="m">${html}</div>`).window.document.getElementById('m')!;

describe('renderedText', () => {
  it('puts each block on its own line and collapses spaces within lines', () => {
    expect(renderedText(el('<p>One   two</p>\n  <p> three<br>four </p>'))).toBe('One two\nthree\nfour');
  });

  it('keeps code blocks verbatim, indentation included, and inline code inline', () => {
    const html = '<p>Run <code>npm  ci</code>:</p><pre><code>if (x) {\n  y();\n}\n</code></pre>';
    expect(renderedText(el(html))).toBe('Run npm ci:\nif (x) {\n  y();\n}');
    expect(renderedText(el('<div class="post-code"><code>a\n  b</code></div>'))).toBe('a\n  b');
  });

  it('leaves out chrome: skipped selectors, buttons, scripts, hidden nodes; keeps emoji alt text', () => {
    const html =
      'Ship it <img class="emoji" alt="🚀"> <span class="edited">(edited)</span><button>Reply</button>' +
      '<script>alert(1)</script><span hidden>secret</span><img alt="a photo of a cat">';
    expect(renderedText(el(html), '.edited')).toBe('Ship it 🚀');
  });

  it('is empty for nothing', () => {
    expect(renderedText(null)).toBe('');
    expect(renderedText(el('   '))).toBe('');
  });
});
