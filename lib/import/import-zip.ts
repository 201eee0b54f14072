import { unzipSync } from 'fflate';
import { err, ok, type Note, type Result } from '../model';
import type { Collection } from '../collections';
import { dropDuplicates } from './dedupe';
import { MAX_IMPORT_BYTES, parseText } from './import-file';
import type { ImportOptions, ImportReport, Skipped } from './import-report';

const READABLE = /\.(md|markdown|txt|json|jsonl|csv)$/i;

/**
 * A zip of exports (Readwise's Markdown export, a folder of notes zipped by hand) → one report over every file in
 * it. Each file is read as if imported alone; a file that cannot be read is reported as skipped, with its name,
 * and the others still import. Folders' other files (images, PDFs) are reported too, never silently dropped.
 */
export function importZip(bytes: Uint8Array, opts: ImportOptions = {}): Result<ImportReport> {
  let files: Record<string, Uint8Array>;
  try {
    let total = 0;
    files = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_IMPORT_BYTES) throw new Error('the files in it add up to over 200 MB');
        return !f.name.endsWith('/');
      },
    });
  } catch (e) {
    return err(`Not a readable zip file (${(e as Error).message}). Nothing was imported.`);
  }
  const notes: Note[] = [];
  const collections: Collection[] = [];
  const skipped: Skipped[] = [];
  const flavours = new Set<string>();
  let merged = 0;
  const decoder = new TextDecoder('utf-8');
  const names = Object.keys(files).sort();
  for (const name of names) {
    if (/(^|\/)(__MACOSX\/|\.DS_Store$)/.test(name)) continue; // archiver debris, not the user's files
    if (!READABLE.test(name)) {
      skipped.push({
        where: displayName(name),
        reason: 'not a file this importer reads (Markdown, text, JSON or CSV)',
      });
      continue;
    }
    const r = parseText(decoder.decode(files[name]), { ...opts, filename: displayName(name) });
    if (!r.ok) {
      skipped.push({ where: displayName(name), reason: r.error });
      continue;
    }
    merged += r.value.merged ?? 0;
    notes.push(...r.value.notes);
    collections.push(...r.value.collections);
    skipped.push(...r.value.skipped.map((s) => ({ where: `${displayName(name)} ${s.where}`, reason: s.reason })));
    flavours.add(r.value.flavour ?? r.value.format);
  }
  if (!names.length) return err('The zip file is empty. Nothing was imported.');
  const { fresh, duplicates } = dropDuplicates(notes, opts.existing);
  return ok({
    format: 'zip',
    flavour: [...flavours].join(', '),
    notes: fresh,
    collections,
    skipped,
    duplicates: duplicates + merged,
  });
}

/**
 * Zip tools that do not set the UTF-8 flag leave fflate to read names as Latin-1 ("â" for "—"): when the
 * name's bytes are valid UTF-8, that is what they were, and the report names the file as the user knows it.
 */
function displayName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || [...name].some((c) => c.charCodeAt(0) > 0xff)) return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(name, (c) => c.charCodeAt(0)));
  } catch {
    return name;
  }
}
