import { err, ok, type Result } from '../model';
import { dropDuplicates } from './dedupe';
import { importHypothesis } from './hypothesis';
import type { ImportOptions, ImportReport } from './import-report';
import { EXPORT_FORMAT, importOurJson, importWebAnnotations, isObj } from './json-import';
import { importMarkdown } from './markdown/import-markdown';

/** Bigger files are refused before parsing: a browser tab should not be frozen by one. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * Any supported file's text → a preview report (notes to write, what was skipped and why, duplicates
 * dropped), or a clear error when the file is malformed. Nothing is written here: the caller shows the
 * report, then commits `notes` with lib/db/import.ts.
 */
export function importFile(text: string, opts: ImportOptions = {}): Result<ImportReport> {
  if (text.length > MAX_IMPORT_BYTES) return err('File is too large to import (over 200 MB).');
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return err('The file is empty.');
  const looksJson = /\.json$/i.test(opts.filename ?? '') || /^[[{]/.test(trimmed);
  const parsed = looksJson ? parseJson(trimmed) : importMarkdown(trimmed, opts);
  if (!parsed.ok) return parsed;
  const { fresh, duplicates } = dropDuplicates(parsed.value.notes, opts.existing);
  return ok({ ...parsed.value, notes: fresh, duplicates });

  function parseJson(src: string): Result<Omit<ImportReport, 'duplicates'>> {
    let doc: unknown;
    try {
      doc = JSON.parse(src);
    } catch (e) {
      return err(`Not valid JSON (${(e as Error).message}). Nothing was imported.`);
    }
    if (isObj(doc) && doc['cp:format'] === EXPORT_FORMAT) return importOurJson(doc);
    if (isObj(doc) && Array.isArray(doc.annotations) && 'export_userid' in doc)
      return ok(importHypothesis(doc.annotations, opts, 'client export'));
    if (isObj(doc) && Array.isArray(doc.rows)) return ok(importHypothesis(doc.rows, opts, 'API search rows'));
    if (Array.isArray(doc) && doc.every((r) => isObj(r) && 'uri' in r && 'target' in r))
      return ok(importHypothesis(doc, opts, 'annotation list'));
    const w3c = isObj(doc) ? (doc.type === 'Annotation' ? [doc] : isObj(doc.first) ? doc.first.items : doc.items) : doc;
    if (Array.isArray(w3c) && w3c.some((a) => isObj(a) && a.type === 'Annotation'))
      return ok(importWebAnnotations(w3c, opts));
    return err(
      'Unrecognised JSON: expected a Commonplace export, a Hypothesis export or W3C Web Annotations. Nothing was imported.',
    );
  }
}
