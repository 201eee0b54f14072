import type { Selector } from '../model/selectors';
import { describeOffsets } from './describe';
import { offsetsToRange } from './dom-map';
import { locate, type LocateOptions, type Match } from './locate';
import { readTextModel, type TextModel } from './text-model';

export { buildTextModel, readTextModel, normalizeWhitespace, IGNORE_ATTRIBUTE, type TextModel } from './text-model';
export { locate, type LocateOptions, type Match } from './locate';
export { offsetsToRange, rangeToOffsets } from './dom-map';

/**
 * W3C selectors for what the user selected, read as a reader sees the text (whitespace collapsed, blocks
 * separated): stable when the page only re-indents or restructures. `[]` for an empty or foreign range.
 */
export function describeRange(range: Range, root: Element): Selector[] {
  return describeOffsets(readTextModel(root), range);
}

/**
 * The range a note's selectors point to now, or null (an orphan) when the text is gone or only a lookalike
 * remains. Synchronous and time-bounded; the page's text is read once and reused until the DOM changes.
 */
export function anchorSelectors(selectors: Selector[], root: Element, options?: LocateOptions): Range | null {
  return anchorInModel(selectors, readTextModel(root), options)?.range ?? null;
}

/** anchorSelectors against a prebuilt model (valid until the DOM changes), with how the match was found. */
export function anchorInModel(
  selectors: readonly Selector[],
  model: TextModel,
  options?: LocateOptions,
): (Match & { range: Range }) | null {
  const m = locate(selectors, model.text, options);
  return m ? { ...m, range: offsetsToRange(model, m.start, m.end) } : null;
}
