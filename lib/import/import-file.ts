import { err, ok, type Result } from '../model';
import { dropDuplicates } from './dedupe';
import { importHypothesis } from './hypothesis';
import type { ImportOptions, ImportReport, ParsedImport } from './import-report';
import { EXPORT_FORMAT, importOurJson, importWebAnnotations, isObj } from './json-import';
import { importKindle, isKindleClippings } from './kindle';
import { importMarkdown } from './markdown/import-markdown';
import { importReadwiseCsv, isReadwiseCsv } from './readwise-csv';

/** Bigger files are refused before parsing: a browser tab should not be frozen by one. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * Any supported file's text → a preview report (notes to write, what was skipped and why, duplicates
 * dropped), or a clear error when the file is malformed. Nothing is written here: the caller shows the
 * report, then commits `notes` with lib/db/import.ts.
 */
export function importFile(text: string, opts: ImportOptions = {}): Result<ImportReport> {
  if (text.length > MAX_IMPORT_BYTES) return err('File is too large to import (over 200 MB).');
  const parsed = parseText(text, opts);
  if (!parsed.ok) return parsed;
  const { merged = 0, ...report } = parsed.value;
  const { fresh, duplicates } = dropDuplicates(report.notes, opts.existing);
  return ok({ ...report, notes: fresh, duplicates: duplicates + merged });
}

/** One file's text → everything it holds, before the duplicate check (zip imports check once, over all files). */
export function parseText(text: string, opts: ImportOptions): Result<ParsedImport> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return err('The file is empty.');
  const name = opts.filename ?? '';
  if (/\.jsonl$/i.test(name) || isJsonLines(trimmed)) return parseJsonLines(trimmed, opts);
  if (/\.json$/i.test(name) || /^[[{]/.test(trimmed)) return parseJson(trimmed, opts);
  if (isReadwiseCsv(trimmed)) return importReadwiseCsv(trimmed, opts);
  if (/\.csv$/i.test(name))
    return err(
      'Unrecognised CSV: expected Readwise\'s export (a "Highlight,Book Title,…" header). Nothing was imported.',
    );
  if (isKindleClippings(trimmed)) return ok(importKindle(trimmed, opts));
  return importMarkdown(trimmed, opts);
}

/** Two or more lines that each hold one JSON object: JSON Lines, as API dumps are often kept. */
const isJsonLines = (s: string) =>
  /^\{.*\}\s*\n\s*\{/.test(s) && s.split('\n').every((l) => !l.trim() || /^\s*\{.*\}\s*$/.test(l));

function parseJsonLines(src: string, opts: ImportOptions): Result<ParsedImport> {
  const rows: unknown[] = [];
  for (const [i, line] of src.split('\n').entries()) {
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line));
    } catch (e) {
      return err(`Not valid JSON Lines: line ${i + 1} is not JSON (${(e as Error).message}). Nothing was imported.`);
    }
  }
  if (rows.every((r) => isObj(r) && 'uri' in r && 'target' in r)) return ok(importHypothesis(rows, opts, 'JSON Lines'));
  if (rows.some((r) => isObj(r) && r.type === 'Annotation')) return ok(importWebAnnotations(rows, opts));
  return err('Unrecognised JSON Lines: expected one Hypothesis annotation per line. Nothing was imported.');
}

function parseJson(src: string, opts: ImportOptions): Result<ParsedImport> {
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
  if (Array.isArray(doc) && doc.length && doc.every((r) => isObj(r) && 'uri' in r && 'target' in r))
    return ok(importHypothesis(doc, opts, 'annotation list'));
  if (isObj(doc) && 'uri' in doc && 'target' in doc && 'user' in doc)
    return ok(importHypothesis([doc], opts, 'one annotation'));
  const w3c = isObj(doc) ? (doc.type === 'Annotation' ? [doc] : isObj(doc.first) ? doc.first.items : doc.items) : doc;
  if (Array.isArray(w3c) && w3c.some((a) => isObj(a) && a.type === 'Annotation'))
    return ok(importWebAnnotations(w3c, opts));
  return err(
    'Unrecognised JSON: expected a Commonplace export, a Hypothesis export or W3C Web Annotations. Nothing was imported.',
  );
}
