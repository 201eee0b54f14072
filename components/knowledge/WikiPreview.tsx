import { useMemo, useState } from 'react';
import { markdownToSafeHtml } from '../../lib/export/markdown-html';

export interface WikiPreviewProps {
  markdown: string;
  filename: string;
  onCopy: (text: string) => Promise<void>;
  onDownload: (filename: string, data: Blob) => void;
}

/**
 * The wiki page as it will read (rendered, sanitised: notes come from other members), its Markdown one click
 * away, with copy and download.
 */
export function WikiPreview({ markdown, filename, onCopy, onDownload }: WikiPreviewProps) {
  const [status, setStatus] = useState('');
  const html = useMemo(() => markdownToSafeHtml(markdown, window), [markdown]);
  return (
    <section aria-label="Wiki page preview" className="wiki-preview">
      <article
        className="wiki-page"
        tabIndex={0}
        aria-label="Wiki page as it will read"
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <details>
        <summary>Markdown</summary>
        <pre tabIndex={0} aria-label="Wiki page Markdown" className="wiki-markdown">
          {markdown}
        </pre>
      </details>
      <div className="row">
        <button
          type="button"
          onClick={() =>
            void onCopy(markdown).then(
              () => setStatus('Copied.'),
              (e: Error) => setStatus(`Copy failed: ${e.message}`),
            )
          }
        >
          Copy wiki page
        </button>
        <button type="button" onClick={() => onDownload(filename, new Blob([markdown], { type: 'text/markdown' }))}>
          Download wiki page
        </button>
        <span role="status">{status}</span>
      </div>
    </section>
  );
}
