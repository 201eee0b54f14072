import type { Collection } from '../../lib/collections';
import type { Note } from '../../lib/model';
import { ExportSection } from './ExportSection';
import { ImportSection, type ImportSectionProps } from './ImportSection';
import { saveFile } from './save-file';

export interface TransferPanelProps {
  /** Live notes to export (all, or the current filter). */
  loadNotes: () => Promise<Note[]>;
  loadCollections: () => Promise<Collection[]>;
  /** Notes already stored, for the import's duplicate check; defaults to loadNotes. */
  loadExisting?: () => Promise<Note[]>;
  /** `(notes, collections, opts) => writeImport(db, notes, collections, opts)` from lib/db/import.ts. */
  writeImport: ImportSectionProps['writeImport'];
  /** Defaults to an object-URL download link. */
  download?: (filename: string, data: Blob) => void;
  now?: () => number;
}

/** Export and import, for the options page: no browser.* calls, everything arrives through props. */
export function TransferPanel({
  loadNotes,
  loadCollections,
  loadExisting,
  writeImport,
  download,
  now,
}: TransferPanelProps) {
  return (
    <div className="cp-transfer">
      <ExportSection
        loadNotes={loadNotes}
        loadCollections={loadCollections}
        download={download ?? saveFile}
        now={now ?? Date.now}
      />
      <ImportSection loadExisting={loadExisting ?? loadNotes} writeImport={writeImport} />
    </div>
  );
}
