import { tokenize } from '../text/normalize';

/** Shorter quotes match too many notes by accident: below this, "same quote" is not claimed. */
export const MIN_QUOTE_TOKENS = 3;

/** The words a note is compared by: its quote and takeaway, or the thread root when the quote is empty. */
export function comparableText(quote: string, takeaway: string, chatText?: string): string {
  const q = quote.trim() ? quote : (chatText ?? '').slice(0, 2000);
  return `${q}\n${takeaway}`;
}

/** The quote as a key: normalised words joined, so case, accents, punctuation and spacing do not matter. */
export function quoteKey(quote: string): string | undefined {
  const words = tokenize(quote);
  return words.length >= MIN_QUOTE_TOKENS ? words.join(' ') : undefined;
}
