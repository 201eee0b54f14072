import { useEffect, useState } from 'react';
import { ImpactReportView } from '@/components/impact/ImpactReportView';
import { impactMarkdown } from '@/lib/impact/markdown';
import type { ImpactReport } from '@/lib/impact/report-types';
import { saveFile } from '@/components/knowledge/save-file';
import { loadReport, type Loaded } from './load';

const fileName = (r: ImpactReport) =>
  `${r.communityName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'community'}-impact-${r.period.label.replace(' ', '-')}.md`;

/** The quarterly impact report of one community, to download as Markdown or print (and save) as a PDF. */
export function App({ communityId }: { communityId: string | null }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadReport(communityId, Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone).then(
      setLoaded,
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [communityId]);
  if (error) {
    return (
      <main className="report-page">
        <p role="alert">The report could not be made: {error}</p>
      </main>
    );
  }
  if (!loaded) return <main className="report-page" aria-busy="true" />;
  if (loaded.kind === 'none') {
    return (
      <main className="report-page">
        <h1>Impact report</h1>
        <p>{loaded.message}</p>
      </main>
    );
  }
  const report = loaded.report;
  return (
    <main className="report-page" data-state="ready">
      <ImpactReportView
        report={report}
        actions={{
          downloadMarkdown: () =>
            saveFile(fileName(report), new Blob([impactMarkdown(report)], { type: 'text/markdown' })),
          print: () => window.print(),
        }}
      />
    </main>
  );
}
