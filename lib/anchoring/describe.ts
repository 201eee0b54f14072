import type { Selector } from '../model/selectors';
import { rangeToOffsets } from './dom-map';
import type { TextModel } from './text-model';

/** Context stored each side of a quote: enough to tell repeated phrases apart, small enough to sync. */
export const CONTEXT_LENGTH = 32;

/**
 * Selectors for a range, in the model's reader-normalised text: a TextQuoteSelector (exact, prefix, suffix)
 * and a TextPositionSelector. Empty when the range is empty or outside the model's root.
 */
export function describeOffsets(model: TextModel, range: Range): Selector[] {
  const o = rangeToOffsets(model, range);
  if (!o) return [];
  const { text } = model;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(o.start, o.end),
      prefix: text.slice(Math.max(0, o.start - CONTEXT_LENGTH), o.start),
      suffix: text.slice(o.end, o.end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start: o.start, end: o.end },
  ];
}
