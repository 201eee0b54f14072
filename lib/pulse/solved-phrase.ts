import type { Note } from '../model';

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/**
 * "Someone solved this in #infra in March": where and when the note that answers a blocker was harvested, as
 * a person says it. The channel for chat notes, else the site; the month in `timeZone`, with the year when it
 * is not this year's.
 */
export function solvedPhrase(note: Note, now: number, timeZone: string): string {
  const where = note.chat?.channel
    ? `#${note.chat.channel.replace(/^#/, '')}`
    : (note.page.siteName ?? hostOf(note.page.url));
  const parts = (t: number) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric' })
        .formatToParts(new Date(t))
        .map((p) => [p.type, p.value]),
    );
  const at = parts(note.createdAt);
  const month = MONTH.format(new Date(Date.UTC(Number(at.year), Number(at.month) - 1, 15)));
  const when = at.year === parts(now).year ? month : `${month} ${at.year}`;
  return `Someone solved this in ${where} in ${when}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'the harvest';
  }
}
