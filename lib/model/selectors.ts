import { z } from 'zod';
import { safeText } from './text';

/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors), as we store them. */
export const TextQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: safeText(20_000).pipe(z.string().min(1)),
  prefix: safeText(200).optional(),
  suffix: safeText(200).optional(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

/** An XPath-ish range: cheap to try first, brittle, never trusted without checking the quote. */
export const RangeSelectorSchema = z.strictObject({
  type: z.literal('RangeSelector'),
  startContainer: safeText(2000),
  startOffset: z.number().int().nonnegative(),
  endContainer: safeText(2000),
  endOffset: z.number().int().nonnegative(),
});
export type RangeSelector = z.infer<typeof RangeSelectorSchema>;

/**
 * A fragment of the page (RFC 3236 `#id`, a media fragment...), as Hypothesis and other W3C clients record it next
 * to the text selectors: kept on import and export, not used for anchoring.
 */
export const FragmentSelectorSchema = z.strictObject({
  type: z.literal('FragmentSelector'),
  value: z.string().min(1).max(2000),
  conformsTo: z.string().max(500).optional(),
});
export type FragmentSelector = z.infer<typeof FragmentSelectorSchema>;

export const SelectorSchema = z.discriminatedUnion('type', [
  TextQuoteSelectorSchema,
  TextPositionSelectorSchema,
  RangeSelectorSchema,
  FragmentSelectorSchema,
]);
export type Selector = z.infer<typeof SelectorSchema>;
