export * from './types';
export * from './report-types';
export { impactReport, type ReportInput } from './figures';
export { impactMarkdown, escapeMarkdown, escapeMarkdownLine } from './markdown';
export { reportBlocks, type ReportBlock } from './document';
export { ledgerQuery, quarterOf, type ReportQuarter, type ReportMonth } from './quarter';
export { MIN_PEOPLE, reportK, type Cell } from './cell';
