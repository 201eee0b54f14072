export { importFile, MAX_IMPORT_BYTES } from './import-file';
export { importZip } from './import-zip';
export type { ImportReport, ImportOptions, ImportFormat, Skipped } from './import-report';
export { dropDuplicates } from './dedupe';
export { detectFlavour, type MarkdownFlavour } from './markdown/import-markdown';
