import type { ChatMessage } from '../../model/note';
import { adapterFor } from './index';
import { missingFields, type MessageField } from './layered';
import type { ChatLocation, ChatPlace } from './types';

export interface Inspection {
  adapter: string | null;
  place?: ChatPlace;
  rows: { message: ChatMessage; missing: MessageField[] }[];
}

/**
 * What the adapters make of a page a user saved ("Save page as…"): which one claims it, and what it reads from
 * each rendered message, with the fields it could not read. Evidence for a drift report; pure.
 */
export function inspectPage(doc: Document, location: ChatLocation): Inspection {
  const adapter = adapterFor(location, doc);
  if (!adapter) return { adapter: null, rows: [] };
  const els = adapter.messagesIn(doc);
  return {
    adapter: adapter.id,
    place: adapter.contextOf(doc, els[0]),
    rows: els.map((el) => {
      const message = adapter.readMessage(el);
      return { message, missing: missingFields(message, adapter.fields) };
    }),
  };
}

/** The address a page was saved from: Chrome's `<!-- saved from url=(N)… -->` mark, else its canonical link. */
export function savedFromUrl(html: string, doc: Document): string | undefined {
  const mark = /<!-- saved from url=\(\d+\)(\S+?) -->/.exec(html)?.[1];
  return (
    mark ??
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    undefined
  );
}

const cell = (value: string | undefined, width: number) => {
  const v = (value ?? '—').replace(/\s+/g, ' ');
  return (v.length > width ? `${v.slice(0, width - 1)}…` : v).padEnd(width);
};

/** A plain-text table for the terminal. */
export function formatInspection(found: Inspection, url: string): string {
  if (!found.adapter)
    return `${url}\nNo adapter matched this page (not a chat page we know, or its markers changed).\n`;
  const place = found.place ?? {};
  const lines = [
    `${url}`,
    `adapter: ${found.adapter}   workspace: ${place.workspace ?? '—'}   channel: ${place.channel ?? '—'}   private: ${place.isPrivate ? 'yes' : 'no'}`,
    `${found.rows.length} messages`,
    `${cell('#', 4)} ${cell('id', 20)} ${cell('author', 18)} ${cell('time', 24)} ${cell('permalink', 30)} ${cell('text', 40)} missing`,
  ];
  found.rows.forEach(({ message: m, missing }, i) => {
    lines.push(
      `${cell(String(i + 1), 4)} ${cell(m.id, 20)} ${cell(m.author, 18)} ${cell(m.timestamp, 24)} ${cell(m.permalink, 30)} ${cell(m.text, 40)} ${missing.join(', ') || '—'}`,
    );
  });
  return `${lines.join('\n')}\n`;
}
