import { CommonplaceDb } from './schema';
import { notesRepository } from './notes';

/** The one database of the extension (background and extension pages only). */
export const db = new CommonplaceDb();
export const notes = notesRepository(db);
export { CommonplaceDb } from './schema';
export { notesRepository, type NotesRepository } from './notes';
export type * from './schema';
