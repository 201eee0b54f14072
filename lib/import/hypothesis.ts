import type { Note } from '../model';
import { buildNote, parseTime } from './build-note';
import type { ImportOptions, ImportReport, Skipped } from './import-report';
import { isObj, toSelector } from './json-import';

/** `acct:alice@hypothes.is` → alice; the display name wins when the row has one. */
function person(row: Record<string, unknown>): Note['author'] {
  const user = typeof row.user === 'string' ? row.user : undefined;
  if (!user) return undefined;
  const info = isObj(row.user_info) ? row.user_info.display_name : undefined;
  const name = typeof info === 'string' && info.trim() ? info.trim() : user.replace(/^acct:/, '').replace(/@.*$/, '');
  return { id: user.slice(0, 128), name: name.slice(0, 200) };
}

/**
 * Hypothesis annotations (the client's JSON export, the API's search rows as `{rows}`, a plain array or JSON Lines)
 * → notes. Highlights and annotations keep their Range/TextPosition/TextQuote/Fragment selectors and their
 * in-context link; page notes and tag-only annotations become notes without a quote; replies become notes linked
 * (`links.addsTo`) to the note of the annotation they answer.
 */
export function importHypothesis(
  rows: unknown[],
  opts: ImportOptions,
  flavour: string,
): Omit<ImportReport, 'duplicates'> {
  const notes: Note[] = [];
  const skipped: Skipped[] = [];
  const idOf = new Map<string, string>();
  // Parents first, so a reply can point at its parent's new id.
  const order = rows.map((row, i) => ({ row, i })).sort((a, b) => depth(a.row) - depth(b.row));
  for (const { row, i } of order) {
    const where = `annotation ${i + 1}`;
    if (!isObj(row)) {
      skipped.push({ where, reason: 'not an annotation object' });
      continue;
    }
    const refs = Array.isArray(row.references) ? row.references.filter((r): r is string => typeof r === 'string') : [];
    const parent = refs.length ? idOf.get(refs[refs.length - 1]!) : undefined;
    if (refs.length && !parent) {
      skipped.push({ where, reason: 'reply to an annotation that is not in this file' });
      continue;
    }
    const target = Array.isArray(row.target) && isObj(row.target[0]) ? row.target[0] : undefined;
    const selectors = (Array.isArray(target?.selector) ? target.selector : []).flatMap((s) =>
      isObj(s) ? toSelector(s) : [],
    );
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const title = isObj(row.document) && Array.isArray(row.document.title) ? row.document.title[0] : undefined;
    const links = isObj(row.links) ? row.links : {};
    const link = [links.incontext, links.html].find((l): l is string => typeof l === 'string' && isWebUrl(l));
    const built = buildNote(
      {
        url: typeof row.uri === 'string' ? row.uri : typeof target?.source === 'string' ? target.source : '',
        title: typeof title === 'string' ? title : undefined,
        quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '',
        takeaway: typeof row.text === 'string' ? row.text : '',
        tags: Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === 'string') : [],
        selectors,
        createdAt: parseTime(row.created),
        updatedAt: parseTime(row.updated),
        author: person(row),
        ...(parent ? { links: { addsTo: parent } } : {}),
        origin: {
          tool: 'hypothesis',
          ...(typeof row.id === 'string' && row.id ? { id: row.id.slice(0, 200) } : {}),
          ...(link ? { link } : {}),
        },
      },
      opts,
    );
    if (!built.ok) {
      skipped.push({ where, reason: built.error });
      continue;
    }
    if (typeof row.id === 'string') idOf.set(row.id, built.value.id);
    notes.push(built.value);
  }
  return { format: 'hypothesis', flavour, notes, collections: [], skipped };
}

const isWebUrl = (s: string) => /^https?:\/\//i.test(s) && URL.canParse(s);

const depth = (row: unknown) => (isObj(row) && Array.isArray(row.references) ? row.references.length : 0);
