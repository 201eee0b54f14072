import type { Collection } from '../collections';
import type { Note } from '../model';

export type ImportFormat =
  'commonplace-json' | 'hypothesis' | 'web-annotation' | 'markdown' | 'kindle' | 'readwise-csv' | 'zip';

/** One thing in the file that did not become a note, and why (shown to the user before anything is written). */
export interface Skipped {
  /** Where in the file: "annotation 12", "line 40", "notes/a.md line 3" inside a zip. */
  where: string;
  reason: string;
}

/** What an import would write: a preview until the caller commits `notes` (lib/db/import.ts). */
export interface ImportReport {
  format: ImportFormat;
  /** The flavour inside the format, when it matters to the user ("readwise", "logseq", "client export"). */
  flavour?: string;
  notes: Note[];
  collections: Collection[];
  skipped: Skipped[];
  /** Notes left out because an existing note (or an earlier one in the file) is the same. */
  duplicates: number;
}

export interface ImportOptions {
  /** Existing notes to check for duplicates (id, page and quote); pass what the store already holds. */
  existing?: Iterable<
    Pick<Note, 'id' | 'pageKey' | 'quote' | 'takeaway'> & Partial<Pick<Note, 'selectors' | 'origin'>>
  >;
  /** The importing member, credited when the file names no author. */
  author?: Note['author'];
  /** New note ids (UUIDv7 by default); injected in tests. */
  newId?: () => string;
  now?: () => number;
  /** Helps pick the format: ".md" files are Markdown. */
  filename?: string;
}

/** What one format's reader found, before the duplicate check against stored notes. */
export type ParsedImport = Omit<ImportReport, 'duplicates'> & {
  /** Repeats the reader itself folded together (Kindle's re-saved clippings): counted with the duplicates. */
  merged?: number;
};
