// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from './markdown-html';
import { wikiPage } from './wiki-page';
import { makeNote } from '../testing/digest-seed';

const render = (md: string) => {
  const box = document.createElement('div');
  box.innerHTML = markdownToSafeHtml(md, window);
  return box;
};

describe('markdownToSafeHtml', () => {
  it('renders a wiki page as it reads: a heading with its # kept as text, a table, a quote', () => {
    const note = makeNote({ createdAt: 0, takeaway: 'Cells split on | unless escaped', tags: ['extensions'] });
    const page = render(wikiPage({ title: '#extensions', notes: [note] }));
    expect(page.querySelector('h1')!.textContent).toBe('#extensions');
    expect(page.textContent).not.toContain('\\#');
    expect(page.textContent).toContain('Cells split on | unless escaped');
    expect(page.textContent).not.toContain('\\|');
    const table = render('| a | b |\n| - | - |\n| 1 | 2 |').querySelector('table');
    expect(table?.querySelectorAll('td')).toHaveLength(2);
    expect(render('> quoted').querySelector('blockquote')?.textContent?.trim()).toBe('quoted');
  });

  it('keeps what another member wrote from running, loading or linking anywhere but the web', () => {
    const page = render(
      [
        '<script>alert(1)</script><img src="https://tracker.example/p.gif" onerror="alert(2)">',
        '[click](javascript:alert(3)) [ok](https://example.org/a)',
        '![pixel](https://tracker.example/q.gif)',
        '<iframe src="https://example.org"></iframe><a href="https://example.org" onclick="alert(4)">x</a>',
      ].join('\n\n'),
    );
    expect(page.querySelector('script, img, iframe, [onerror], [onclick]')).toBeNull();
    const hrefs = [...page.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.filter((h) => h && !/^https:/.test(h))).toEqual([]);
    expect(hrefs).toContain('https://example.org/a');
    for (const a of page.querySelectorAll('a[href]')) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });
});
