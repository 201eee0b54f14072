/**
 * Books have no web address, and a note needs one: the book's search page on Open Library (an open, stable
 * catalogue) stands in, so every highlight of one book shares a page and opens somewhere that names the book.
 * An ASIN, when the export gives one, points at the book itself.
 */
export function bookUrl(title: string, author?: string, asin?: string): string {
  if (asin && /^[A-Z0-9]{10}$/i.test(asin)) return `https://www.amazon.com/dp/${asin.toUpperCase()}`;
  const q = new URLSearchParams({ title: title.trim() });
  if (author?.trim()) q.set('author', author.trim());
  return `https://openlibrary.org/search?${q.toString()}`;
}
