export {
  exportJson,
  toWebAnnotation,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ANNO_CONTEXT,
  type JsonExportOptions,
} from './json-export';
export { exportMarkdownZip, slug, type MarkdownZipOptions } from './markdown-zip';
export { notesToCsv, toCsv, csvField, CSV_COLUMNS } from './csv';
export { wikiPage, collectionWikiSource, tagWikiSource, threadWikiSource, type WikiSource } from './wiki-page';
export { noteMarkdown, noteTitle, codeLanguageOf, type NoteMarkdownOptions } from './note-markdown';
export { textFragmentUrl } from './text-fragment';
export { htmlToMarkdown, type DomWindow } from './html-to-markdown';
export { contributorsOf } from './contributors';
