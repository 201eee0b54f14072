import { useState } from 'react';

export interface WikiPreviewProps {
  markdown: string;
  filename: string;
  onCopy: (text: string) => Promise<void>;
  onDownload: (filename: string, data: Blob) => void;
}

/** The wiki page as Markdown text (shown as text, never as HTML) with copy and download. */
export function WikiPreview({ markdown, filename, onCopy, onDownload }: WikiPreviewProps) {
  const [status, setStatus] = useState('');
  return (
    <section aria-label="Wiki page preview">
      <pre
        tabIndex={0}
        aria-label="Wiki page Markdown"
        style={{ whiteSpace: 'pre-wrap', maxHeight: '24rem', overflow: 'auto' }}
      >
        {markdown}
      </pre>
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
    </section>
  );
}
