import { CollectionSchema, type Collection } from '../collections';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../export/json-export';
import { NoteSchema, err, ok, type Note, type Result } from '../model';
import { buildNote, parseTime } from './build-note';
import type { ImportOptions, ImportReport, Skipped } from './import-report';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Our file (cp:format) → exact notes and collections. One bad note means a damaged file: nothing imports. */
export function importOurJson(doc: Json): Result<Omit<ImportReport, 'duplicates'>> {
  const version = doc['cp:version'];
  if (typeof version !== 'number' || !Number.isInteger(version)) return err('Export file has no version number.');
  if (version > EXPORT_VERSION)
    return err(`Export file version ${version} is newer than this app understands (${EXPORT_VERSION}); update first.`);
  // A W3C collection of no annotations has no page (a page holds 1 or more), so no `first` means none.
  const items = isObj(doc.first) ? doc.first.items : doc.first === undefined && doc.total === 0 ? [] : undefined;
  if (!Array.isArray(items)) return err('Export file has no annotation list (first.items).');
  const notes: Note[] = [];
  for (const [i, item] of items.entries()) {
    const parsed = NoteSchema.safeParse(isObj(item) ? item['cp:note'] : undefined);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return err(
        `Note ${i + 1} is damaged (${issue.path.map(String).join('.') || 'note'}: ${issue.message}); nothing was imported.`,
      );
    }
    notes.push(parsed.data);
  }
  const rawCollections = doc['cp:collections'] ?? [];
  if (!Array.isArray(rawCollections)) return err('Export file collections are not a list; nothing was imported.');
  const collections: Collection[] = [];
  for (const [i, c] of rawCollections.entries()) {
    const parsed = CollectionSchema.safeParse(c);
    if (!parsed.success) return err(`Collection ${i + 1} is damaged; nothing was imported.`);
    collections.push(parsed.data);
  }
  return ok({ format: 'commonplace-json', notes, collections, skipped: [] });
}

/** Another tool's W3C Web Annotations (a collection, a page or a bare list) → notes, skipping what cannot be. */
export function importWebAnnotations(items: unknown[], opts: ImportOptions): Omit<ImportReport, 'duplicates'> {
  const notes: Note[] = [];
  const skipped: Skipped[] = [];
  items.forEach((item, i) => {
    const where = `annotation ${i + 1}`;
    if (!isObj(item)) return skipped.push({ where, reason: 'not an annotation object' });
    const target = Array.isArray(item.target) ? item.target[0] : item.target;
    const source = typeof target === 'string' ? target : isObj(target) ? target.source : undefined;
    const rawSelectors = isObj(target) ? [target.selector].flat() : [];
    const selectors = rawSelectors.flatMap((s) => (isObj(s) ? toSelector(s) : []));
    const bodies = [item.body].flat().filter(isObj);
    const text = bodies.find((b) => b.purpose !== 'tagging' && typeof b.value === 'string')?.value;
    const tags = bodies
      .filter((b) => b.purpose === 'tagging' && typeof b.value === 'string')
      .map((b) => String(b.value));
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const built = buildNote(
      {
        url: typeof source === 'string' ? source : '',
        quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '',
        takeaway: typeof text === 'string' ? text : '',
        tags,
        selectors,
        createdAt: parseTime(item.created),
        updatedAt: parseTime(item.modified),
      },
      opts,
    );
    if (built.ok) notes.push(built.value);
    else skipped.push({ where, reason: built.error });
  });
  return { format: 'web-annotation', notes, collections: [], skipped };
}

/** W3C / Hypothesis selector objects → ours; unknown kinds (PDF pages, EPUB CFIs) are dropped. */
export function toSelector(s: Json): Note['selectors'] {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
  switch (s.type) {
    case 'TextQuoteSelector': {
      const exact = str(s.exact);
      if (!exact) return [];
      const prefix = str(s.prefix)?.slice(-200);
      const suffix = str(s.suffix)?.slice(0, 200);
      return [
        {
          type: 'TextQuoteSelector',
          exact: exact.slice(0, 20_000),
          ...(prefix ? { prefix } : {}),
          ...(suffix ? { suffix } : {}),
        },
      ];
    }
    case 'TextPositionSelector': {
      const start = int(s.start);
      const end = int(s.end);
      return start !== undefined && end !== undefined && end >= start
        ? [{ type: 'TextPositionSelector', start, end }]
        : [];
    }
    case 'RangeSelector': {
      const [sc, ec, so, eo] = [str(s.startContainer), str(s.endContainer), int(s.startOffset), int(s.endOffset)];
      if (sc === undefined || ec === undefined || so === undefined || eo === undefined) return [];
      return [
        {
          type: 'RangeSelector',
          startContainer: sc.slice(0, 2000),
          startOffset: so,
          endContainer: ec.slice(0, 2000),
          endOffset: eo,
        },
      ];
    }
    case 'FragmentSelector': {
      const value = str(s.value);
      const conformsTo = str(s.conformsTo);
      return value
        ? [
            {
              type: 'FragmentSelector',
              value: value.slice(0, 2000),
              ...(conformsTo ? { conformsTo: conformsTo.slice(0, 500) } : {}),
            },
          ]
        : [];
    }
    default:
      return [];
  }
}

export { isObj, EXPORT_FORMAT };
