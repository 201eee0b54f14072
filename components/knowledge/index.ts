/**
 * What the options page's Knowledge and Import and export sections are made of (collections, wiki pages from a
 * tag, import, export) and the similar-notes list the capture panel shares with them.
 */
export { TransferPanel, type TransferPanelProps } from './TransferPanel';
export { CollectionsPanel, type CollectionsPanelProps } from './CollectionsPanel';
export { WikiPreview, type WikiPreviewProps } from './WikiPreview';
export { SimilarNotes, type SimilarNotesProps } from './SimilarNotes';
export { TagWikiPanel, type TagWikiPanelProps } from './TagWikiPanel';
