import type { Collection } from '../collections';
import type { Note } from '../model';
import { NOTE_SCHEMA_VERSION } from '../model';

/** Identifies our files among other JSON; bump EXPORT_VERSION when the file layout changes. */
export const EXPORT_FORMAT = 'commonplace-export';
export const EXPORT_VERSION = 1;
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own terms (the lossless note and collections) live under this prefix, beside the W3C ones. */
export const CP_CONTEXT = { cp: 'urn:commonplace:' } as const;

const MOTIVATION: Partial<Record<Note['kind'], string>> = { question: 'questioning', link: 'bookmarking' };

/**
 * A note as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), readable by other tools, with
 * the full note under `cp:note` so our own import is lossless.
 */
export function toWebAnnotation(note: Note) {
  const body: Record<string, string>[] = [];
  if (note.takeaway)
    body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: note.takeaway });
  for (const tag of note.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return {
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    motivation: MOTIVATION[note.kind] ?? (note.takeaway ? 'commenting' : 'highlighting'),
    created: new Date(note.createdAt).toISOString(),
    modified: new Date(note.updatedAt).toISOString(),
    ...(note.author ? { creator: { id: note.author.id, type: 'Person', name: note.author.name } } : {}),
    body,
    target: {
      source: note.page.url,
      ...(note.selectors.length ? { selector: note.selectors } : {}),
    },
    'cp:note': note,
  };
}

export interface JsonExportOptions {
  collections?: Collection[];
  /** Injected for reproducible files in tests. */
  now?: number;
  label?: string;
}

/**
 * Everything (or the notes a filter picked) as one versioned JSON file: a W3C AnnotationCollection whose
 * items carry our notes losslessly; collections ride along. importJson reads it back exactly.
 */
export function exportJson(notes: Note[], { collections = [], now = Date.now(), label }: JsonExportOptions = {}) {
  const doc = {
    '@context': [ANNO_CONTEXT, CP_CONTEXT],
    type: 'AnnotationCollection',
    label: label ?? 'Commonplace export',
    'cp:format': EXPORT_FORMAT,
    'cp:version': EXPORT_VERSION,
    'cp:noteSchemaVersion': NOTE_SCHEMA_VERSION,
    'cp:exportedAt': new Date(now).toISOString(),
    total: notes.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: notes.map(toWebAnnotation) },
    'cp:collections': collections,
  };
  return JSON.stringify(doc, null, 2);
}
