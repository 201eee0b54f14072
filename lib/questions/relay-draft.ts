import type { Note } from '../model';

/** How long the gist may be: a chat reply, not the note. */
export const GIST_MAX = 280;

/**
 * The reply "Relay answer" drafts into the thread a question was asked in: the answer's gist, a link to the
 * note (or wiki page), and a credit line naming who found it and where ("Thanks to Sarah, who found this in
 * #infra"). Plain text: each chat app's composer gets it as typed text, so nothing in a member's note can
 * become markup in the thread. The human reads it and presses send.
 */
export function relayDraft(answer: Note, link: string): string {
  const text = (answer.takeaway.trim() || answer.quote.trim()).replace(/\s+/g, ' ');
  const gist = text.length > GIST_MAX ? `${text.slice(0, GIST_MAX - 1)}…` : text;
  const credit = creditLine(answer);
  return [gist, link, credit].filter(Boolean).join('\n\n');
}

/** Who to thank: the first person whose words the answer quotes, else whoever harvested it. */
function creditLine(answer: Note): string {
  const who = answer.contributors?.[0]?.name ?? answer.author?.name;
  if (!who) return '';
  const where = answer.chat?.channel
    ? `#${answer.chat.channel.replace(/^#/, '')}`
    : answer.page.siteName || hostOf(answer.page.url);
  return where ? `Thanks to ${who}, who found this in ${where}` : `Thanks to ${who}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
