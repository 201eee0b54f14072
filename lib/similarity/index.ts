export { SimilarityIndex, type SavedSimilarityDelta, type SavedSimilarityIndex } from './similarity-index';
export {
  findSimilar,
  rankSimilar,
  type SimilarMatch,
  DEFAULT_MIN_WORD_SCORE,
  type SimilarityDraft,
  type SimilarNote,
  type SimilarReason,
  type FindSimilarOptions,
} from './find-similar';
export { threadKey } from './thread-key';
export { addToDraft, answerDraft, duplicateAvoidedEvent, DUPLICATE_AVOIDED } from './add-to';
