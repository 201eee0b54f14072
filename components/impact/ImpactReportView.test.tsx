// @vitest-environment jsdom
import fc from 'fast-check';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { impactReport, impactMarkdown, type ImpactReport } from '@/lib/impact';
import { IMPACT_CM, impactWorld, memberName } from '@/lib/testing/impact';
import { makeBareNote } from '@/lib/testing/make-note';
import { ImpactReportView } from './ImpactReportView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  host?.remove();
});

function render(report: ImpactReport, actions = { downloadMarkdown: vi.fn(), print: vi.fn() }) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<ImpactReportView report={report} actions={actions} />));
  return actions;
}

const NOW = Date.parse('2026-12-05T03:00:00Z');
const HOSTILE = ['](javascript:alert(1))', '<script>window.pwned = 1</script>', '<img src=x onerror="window.pwned=1">'];

function hostileReport(): ImpactReport {
  const notes = HOSTILE.map((takeaway, i) =>
    makeBareNote({
      kind: 'story',
      takeaway,
      communityId: IMPACT_CM,
      author: { id: `m${i}`, name: `<b>${i}</b>` },
      createdAt: NOW - 86_400_000,
    }),
  );
  const w = impactWorld({ seed: 7, notes: 0, members: 3, now: NOW });
  return impactReport({
    ...w,
    notes,
    summary: {
      ...w.summary!,
      outcomes: notes.map((n) => ({ noteId: n.id, outcome: 'story' as const, outcomeNoteId: n.id })),
      named: [{ memberId: 'm0', displayName: '<a href="javascript:alert(1)">Eve</a>' }],
    },
  });
}

describe('ImpactReportView', () => {
  it('offers its two actions as buttons with accessible names', () => {
    const actions = render(impactReport(impactWorld({ seed: 1, notes: 50, members: 8, now: NOW })));
    const buttons = [...host.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Download Markdown', 'Print / Save as PDF']);
    act(() => host.querySelectorAll('button')[0]!.click());
    act(() => host.querySelectorAll('button')[1]!.click());
    expect(actions.downloadMarkdown).toHaveBeenCalledOnce();
    expect(actions.print).toHaveBeenCalledOnce();
    expect(host.querySelector('article')!.getAttribute('aria-label')).toBe('Impact report');
  });

  it('renders members’ titles and names as text: no script, image or link comes from them', () => {
    render(hostileReport());
    const article = host.querySelector('article')!;
    expect(article.querySelectorAll('script, img, a, b')).toHaveLength(0);
    const headings = [...article.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings.sort()).toEqual([...HOSTILE].sort());
    expect(article.textContent).toContain('by <a href="javascript:alert(1)">Eve</a>');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('says the same words as the Markdown, block by block', () => {
    const report = impactReport(impactWorld({ seed: 3, notes: 300, members: 20, now: NOW, named: 2 }));
    render(report);
    const md = impactMarkdown(report);
    const squash = (s: string) =>
      s
        .replace(/\\(.)/g, '$1')
        .replace(/[\s|#-]+/g, ' ')
        .trim();
    const htmlText = [...host.querySelectorAll('article h1, article h2, article h3, article p, article th, article td')]
      .map((e) => e.textContent ?? '')
      .filter((t) => t.trim());
    for (const t of htmlText) expect(squash(md)).toContain(squash(t));
  });

  it('never shows a member by name unless they consent, in the HTML or the Markdown (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 100_000 }),
          notes: fc.integer({ min: 0, max: 120 }),
          members: fc.integer({ min: 1, max: 12 }),
          named: fc.integer({ min: 0, max: 12 }),
          now: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        }),
        (o) => {
          const report = impactReport(impactWorld(o));
          render(report);
          const html = host.innerHTML;
          const md = impactMarkdown(report);
          for (let i = 0; i < o.members; i++) {
            if (i < o.named) continue;
            expect(html).not.toContain(memberName(i));
            expect(md).not.toContain(memberName(i));
          }
          act(() => root?.unmount());
          root = null;
          host.remove();
        },
      ),
      { numRuns: 60 },
    );
  });
});
