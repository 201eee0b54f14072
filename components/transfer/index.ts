export { TransferPanel, type TransferPanelProps } from './TransferPanel';
export { CollectionsPanel, type CollectionsPanelProps } from './CollectionsPanel';
export { WikiPreview, type WikiPreviewProps } from './WikiPreview';
export { SimilarNotes, type SimilarNotesProps } from './SimilarNotes';
export { TagWikiPanel, type TagWikiPanelProps } from './TagWikiPanel';
