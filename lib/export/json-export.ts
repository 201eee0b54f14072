import { uuidv7 } from 'uuidv7';
import type { Collection } from '../collections';
import type { Note, Person } from '../model';
import { NOTE_SCHEMA_VERSION } from '../model';
import { w3cTarget } from './w3c-target';

/** Identifies our files among other JSON; bump EXPORT_VERSION when the file layout changes. */
export const EXPORT_FORMAT = 'commonplace-export';
export const EXPORT_VERSION = 1;
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own terms (the lossless note and collections) live under this prefix, beside the W3C ones. */
export const CP_CONTEXT = { cp: 'urn:commonplace:' } as const;

const MOTIVATION: Partial<Record<Note['kind'], string>> = { question: 'questioning', link: 'bookmarking' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const noteIri = (id: string) => `urn:uuid:${id}`;

/**
 * A note as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), readable by other tools, with
 * the full note under `cp:note` so our own import is lossless. It satisfies the model's MUSTs as written in
 * web-annotation-schema.ts: no empty `body`, a target that is the page's IRI or a SpecificResource with
 * usable selectors, RangeSelectors in W3C shape, and a TextQuoteSelector whenever the note has a quote.
 * An answer also targets the question it answers (motivation `replying`, as the model does for replies).
 */
export function toWebAnnotation(note: Note) {
  const body: { type: 'TextualBody'; purpose: string; value: string; format?: string }[] = [];
  if (note.takeaway)
    body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: note.takeaway });
  for (const tag of note.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  const page = w3cTarget(note);
  const answers = note.links?.answers && UUID.test(note.links.answers) ? note.links.answers : undefined;
  return {
    id: noteIri(note.id),
    type: 'Annotation',
    motivation: answers ? 'replying' : (MOTIVATION[note.kind] ?? motivationOfBody(note)),
    created: new Date(note.createdAt).toISOString(),
    modified: new Date(note.updatedAt).toISOString(),
    ...(note.author ? { creator: agent(note.author) } : {}),
    ...(body.length ? { body } : {}),
    target: answers ? [page, noteIri(answers)] : page,
    'cp:note': note,
  };
}

const motivationOfBody = (note: Note) => (note.takeaway ? 'commenting' : note.tags.length ? 'tagging' : 'highlighting');

/** An Agent (§3.3.2) SHOULD have 1 IRI: an IRI-shaped id is one, a UUID becomes one, any other id is left out. */
function agent(person: Person) {
  const id = UUID.test(person.id) ? noteIri(person.id) : /^[a-z][a-z0-9+.-]*:\S+$/i.test(person.id) ? person.id : null;
  return { ...(id ? { id } : {}), type: 'Person', name: person.name };
}

export interface JsonExportOptions {
  collections?: Collection[];
  /** Injected for reproducible files in tests. */
  now?: number;
  label?: string;
  /** The export's own identity (a UUID); a fresh UUIDv7 unless given, for reproducible files in tests. */
  id?: string;
}

/**
 * Everything (or the notes a filter picked) as one versioned JSON file: a W3C AnnotationCollection whose one
 * embedded AnnotationPage holds our notes losslessly; collections ride along. importJson reads it back exactly.
 * The collection and its page have IRIs (§5.1, §5.2 MUST); an export of no notes has no page, since a page
 * MUST hold 1 or more annotations.
 */
export function exportJson(
  notes: Note[],
  { collections = [], now = Date.now(), label, id = uuidv7() }: JsonExportOptions = {},
) {
  const collectionIri = `urn:uuid:${id}`;
  const pageIri = `${collectionIri}#page-1`;
  const doc = {
    '@context': [ANNO_CONTEXT, CP_CONTEXT],
    id: collectionIri,
    type: 'AnnotationCollection',
    label: label ?? 'Commonplace export',
    'cp:format': EXPORT_FORMAT,
    'cp:version': EXPORT_VERSION,
    'cp:noteSchemaVersion': NOTE_SCHEMA_VERSION,
    'cp:exportedAt': new Date(now).toISOString(),
    total: notes.length,
    ...(notes.length
      ? {
          first: {
            id: pageIri,
            type: 'AnnotationPage',
            partOf: collectionIri,
            startIndex: 0,
            items: notes.map(toWebAnnotation),
          },
          last: pageIri,
        }
      : {}),
    'cp:collections': collections,
  };
  return JSON.stringify(doc, null, 2);
}
