import { CommonplaceDb } from './schema';
import { notesRepository } from './notes';
import { searchIndexRepository } from './search-index';

/** The one database of the extension (background and extension pages only). */
export const db = new CommonplaceDb();
export const notes = notesRepository(db);
/** The saved search index: writers log changed ids, pages open it without reading every note. */
export const searchIndex = searchIndexRepository(db);
export { CommonplaceDb } from './schema';
export { notesRepository, type NotesRepository } from './notes';
export type * from './schema';
