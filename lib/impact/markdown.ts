import { reportBlocks, type ReportBlock } from './document';
import type { ImpactReport } from './report-types';

/**
 * Text as inert Markdown: every character CommonMark gives a meaning inline is backslash-escaped (a member's note
 * titled `](javascript:…)` or `<script>` stays words), a line break cannot start a new block, and what would
 * open a list item or a numbered one at the start of a line is escaped too (`escapeMarkdownLine`).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]<>()#!|~&:@]/g, '\\$&')
    .replace(/(www)\./gi, '$1\\.');
}

/** Inline-escaped text that may also start a line: it cannot open a list, a numbered item or a rule there. */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(text)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
}

function table(b: Extract<ReportBlock, { type: 'table' }>): string {
  const line = (cells: string[]) => `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
  return [line(b.head), `|${b.head.map(() => ' --- |').join('')}`, ...b.rows.map(line)].join('\n');
}

function block(b: ReportBlock): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return escapeMarkdownLine(b.text);
    case 'list':
      return b.items.map((i) => `- ${escapeMarkdownLine(i)}`).join('\n');
    case 'table':
      return table(b);
  }
}

/** The quarterly impact report as Markdown: the same blocks, in the same order, as the report page prints. */
export function impactMarkdown(report: ImpactReport): string {
  return `${reportBlocks(report).map(block).join('\n\n')}\n`;
}
