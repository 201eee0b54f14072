import { uuidv7 } from 'uuidv7';
import {
  NOTE_SCHEMA_VERSION,
  NoteSchema,
  err,
  ok,
  pageKey,
  type Note,
  type NoteKind,
  type Person,
  type Result,
  type Selector,
} from '../model';
import type { ImportOptions } from './import-report';

/** The parts a foreign format gives us; the rest is filled in and everything is validated by the model. */
export interface ForeignNote {
  url: string;
  title?: string;
  quote: string;
  takeaway: string;
  tags?: string[];
  selectors?: Selector[];
  kind?: NoteKind;
  createdAt?: number;
  updatedAt?: number;
  author?: Person;
  links?: Note['links'];
  id?: string;
  /** The document's author (page byline), not the annotator. */
  byline?: string;
  origin?: Note['origin'];
}

/** A foreign record → a valid Note, or the first reason it cannot be one (for the report). */
export function buildNote(f: ForeignNote, opts: ImportOptions): Result<Note> {
  let key: string;
  try {
    const u = new URL(f.url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return err(`not a web page (${u.protocol} URL)`);
    key = pageKey(f.url);
  } catch {
    return err('no source link (an http or https URL)');
  }
  if (!f.quote.trim() && !f.takeaway.trim() && !(f.tags ?? []).some((t) => t.trim()))
    return err('empty: no quote, no note text and no tags');
  const t = opts.now?.() ?? Date.now();
  const created = f.createdAt ?? t;
  const parsed = NoteSchema.safeParse({
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: f.id ?? opts.newId?.() ?? uuidv7(),
    kind: f.kind ?? 'insight',
    quote: f.quote,
    takeaway: f.takeaway,
    tags: [...new Set((f.tags ?? []).map((x) => x.trim()).filter(Boolean))].slice(0, 32),
    selectors: withQuoteSelector(f.selectors ?? [], f.quote).slice(0, 8),
    page: {
      url: f.url,
      canonicalUrl: f.url,
      title: (f.title ?? '').slice(0, 1000) || f.url.slice(0, 1000),
      ...(f.byline?.trim() ? { byline: f.byline.trim().slice(0, 500) } : {}),
    },
    pageKey: key,
    createdAt: created,
    updatedAt: Math.max(created, f.updatedAt ?? created),
    ...((f.author ?? opts.author) ? { author: f.author ?? opts.author } : {}),
    ...(f.links ? { links: f.links } : {}),
    ...(f.origin ? { origin: f.origin } : {}),
  });
  if (parsed.success) return ok({ ...parsed.data, tags: [...new Set(parsed.data.tags)] });
  const issue = parsed.error.issues[0]!;
  return err(`${issue.path.map(String).join('.') || 'note'}: ${issue.message}`);
}

/**
 * Every note with a quote carries a W3C TextQuoteSelector for it (first, as the one every reader understands),
 * whatever the source recorded: a tool reading only the standard fields still gets the quote.
 */
function withQuoteSelector(selectors: Selector[], quote: string): Selector[] {
  if (!quote.trim() || selectors.some((s) => s.type === 'TextQuoteSelector')) return selectors;
  return [{ type: 'TextQuoteSelector', exact: quote.slice(0, 20_000) }, ...selectors];
}

/** ISO date text → epoch ms, or undefined when absent or unreadable. */
export function parseTime(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) && t >= 0 ? t : undefined;
}
