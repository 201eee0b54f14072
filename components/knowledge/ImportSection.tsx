import { useRef, useState } from 'react';
import type { Collection } from '../../lib/collections';
import { importFile, importZip, type ImportReport } from '../../lib/import';
import type { Note } from '../../lib/model';

export interface ImportWriteOptions {
  onProgress?: (p: { written: number; total: number }) => void;
  signal?: AbortSignal;
}

export interface ImportSectionProps {
  /** Notes already stored, for the duplicate check (ids, page keys, quotes). */
  loadExisting: () => Promise<Note[]>;
  /** lib/db/import.ts writeImport bound to the database. */
  writeImport: (
    notes: Note[],
    collections: Collection[],
    opts: ImportWriteOptions,
  ) => Promise<{ written: number; isCancelled: boolean }>;
}

type Phase =
  | { name: 'idle' }
  | { name: 'error'; message: string }
  | { name: 'preview'; report: ImportReport; file: string }
  | { name: 'writing'; written: number; total: number }
  | { name: 'done'; written: number; isCancelled: boolean; report: ImportReport };

/** Pick a file → preview (what will be added, skipped and why, duplicates) → import with progress and cancel. */
export function ImportSection({ loadExisting, writeImport }: ImportSectionProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const isZip = /\.zip$/i.test(file.name);
    const [content, existing] = await Promise.all([isZip ? file.arrayBuffer() : file.text(), loadExisting()]);
    const opts = { filename: file.name, existing };
    const r = typeof content === 'string' ? importFile(content, opts) : importZip(new Uint8Array(content), opts);
    setPhase(r.ok ? { name: 'preview', report: r.value, file: file.name } : { name: 'error', message: r.error });
  };

  const commit = async (report: ImportReport) => {
    abort.current = new AbortController();
    setPhase({ name: 'writing', written: 0, total: report.notes.length });
    try {
      const r = await writeImport(report.notes, report.collections, {
        signal: abort.current.signal,
        onProgress: (p) => setPhase({ name: 'writing', ...p }),
      });
      setPhase({ name: 'done', ...r, report });
    } catch (e) {
      setPhase({ name: 'error', message: `Import failed; the last batch was not written: ${(e as Error).message}` });
    }
  };

  return (
    <section aria-labelledby="cp-import-h">
      <h3 id="cp-import-h">Import</h3>
      <label>
        File to import (Commonplace JSON; Hypothesis JSON or JSON Lines; Readwise, Omnivore, Obsidian or Logseq
        Markdown; Readwise CSV; Kindle My Clippings.txt; or a zip of them)
        <input
          type="file"
          accept=".json,.jsonl,.md,.markdown,.txt,.csv,.zip"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </label>
      {phase.name === 'error' && <p role="alert">{phase.message}</p>}
      {phase.name === 'preview' && <Preview report={phase.report} onImport={() => void commit(phase.report)} />}
      {phase.name === 'writing' && (
        <div>
          <progress aria-label="Import progress" max={phase.total} value={phase.written} />
          <span role="status">
            {phase.written} of {phase.total} notes written
          </span>
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel import
          </button>
        </div>
      )}
      {phase.name === 'done' && (
        <p role="status">
          {phase.isCancelled ? 'Cancelled: ' : 'Done: '}
          {phase.written} notes imported
          {phase.report.duplicates ? `, ${phase.report.duplicates} duplicates left out` : ''}
          {phase.report.skipped.length ? `, ${phase.report.skipped.length} skipped` : ''}.
        </p>
      )}
    </section>
  );
}

function Preview({ report, onImport }: { report: ImportReport; onImport: () => void }) {
  return (
    <div aria-label="Import preview" role="region">
      <p>
        {report.format}
        {report.flavour ? ` (${report.flavour})` : ''}: {report.notes.length} new notes, {report.duplicates} duplicates,{' '}
        {report.skipped.length} skipped.
      </p>
      <ul aria-label="First notes">
        {report.notes.slice(0, 5).map((n) => (
          <li key={n.id}>
            {(n.quote || n.takeaway).slice(0, 140)} — {n.page.title}
          </li>
        ))}
      </ul>
      {report.skipped.length > 0 && (
        <details>
          <summary>Skipped ({report.skipped.length})</summary>
          <ul>
            {report.skipped.slice(0, 200).map((s, i) => (
              <li key={i}>
                {s.where}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" onClick={onImport} disabled={report.notes.length === 0 && report.collections.length === 0}>
        Import {report.notes.length} notes
      </button>
    </div>
  );
}
