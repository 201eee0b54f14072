import { reportBlocks } from '@/lib/impact/document';
import type { ImpactReport } from '@/lib/impact/report-types';
import { ReportBlocks } from './ReportBlocks';

export interface ReportActions {
  /** Saves the report's Markdown as a file. */
  downloadMarkdown(): void;
  /** Opens the browser's print dialog ("Save as PDF" is one of its destinations). */
  print(): void;
}

/** The quarterly impact report as a page: the report itself, and what to do with it (not printed). */
export function ImpactReportView({ report, actions }: { report: ImpactReport; actions: ReportActions }) {
  return (
    <>
      <div className="report-actions" role="toolbar" aria-label="Report actions">
        <button type="button" onClick={actions.downloadMarkdown}>
          Download Markdown
        </button>
        <button type="button" onClick={actions.print}>
          Print / Save as PDF
        </button>
      </div>
      <article className="report" aria-label="Impact report">
        <ReportBlocks blocks={reportBlocks(report)} />
      </article>
    </>
  );
}
