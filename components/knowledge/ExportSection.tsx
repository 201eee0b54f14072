import { useState } from 'react';
import type { Collection } from '../../lib/collections';
import { exportJson, exportMarkdownZip, htmlToMarkdown, notesToCsv, type DomWindow } from '../../lib/export';
import type { Note } from '../../lib/model';
import { day } from './save-file';

export interface ExportSectionProps {
  loadNotes: () => Promise<Note[]>;
  loadCollections: () => Promise<Collection[]>;
  download: (filename: string, data: Blob) => void;
  now: () => number;
}

/** Rich HTML → Markdown with this page's own DOM (sanitised by DOMPurify first). */
export const pageHtmlToMarkdown = (html: string) => htmlToMarkdown(html, window as unknown as DomWindow);

type Kind = 'json' | 'md-note' | 'md-collection' | 'csv';

/** Export buttons: everything the loaders return, as JSON, zipped Markdown or CSV. */
export function ExportSection({ loadNotes, loadCollections, download, now }: ExportSectionProps) {
  const [status, setStatus] = useState('');
  const run = async (kind: Kind) => {
    setStatus('Preparing…');
    try {
      const [notes, collections] = await Promise.all([loadNotes(), loadCollections()]);
      const stamp = day(now());
      if (kind === 'json') {
        const text = exportJson(notes, { collections, now: now() });
        download(`commonplace-${stamp}.json`, new Blob([text], { type: 'application/json' }));
      } else if (kind === 'csv') {
        download(`commonplace-${stamp}.csv`, new Blob([notesToCsv(notes)], { type: 'text/csv' }));
      } else {
        const per = kind === 'md-note' ? 'note' : 'collection';
        const zip = exportMarkdownZip(notes, { per, collections, htmlToMarkdown: pageHtmlToMarkdown });
        download(`commonplace-${stamp}-markdown.zip`, new Blob([zip as BlobPart], { type: 'application/zip' }));
      }
      setStatus(`Exported ${notes.length} notes.`);
    } catch (e) {
      setStatus(`Export failed: ${(e as Error).message}`);
    }
  };
  return (
    <section aria-labelledby="cp-export-h">
      <h3 id="cp-export-h">Export</h3>
      <div role="group" aria-label="Export formats">
        <button type="button" onClick={() => void run('json')}>
          JSON (lossless, Web Annotation)
        </button>
        <button type="button" onClick={() => void run('md-note')}>
          Markdown, one file per note (zip)
        </button>
        <button type="button" onClick={() => void run('md-collection')}>
          Markdown, one page per collection (zip)
        </button>
        <button type="button" onClick={() => void run('csv')}>
          CSV
        </button>
      </div>
      <p role="status">{status}</p>
    </section>
  );
}
