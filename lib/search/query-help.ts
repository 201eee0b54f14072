/**
 * One line for the search box's help text: every operator the parser (./query.ts) understands. A module of its
 * own because query.ts builds an Intl.Segmenter as it loads (tens of milliseconds of locale data), which the
 * popup's pre-React paint must not wait for.
 */
export const QUERY_HELP =
  'words (typos ok) · "exact phrase" · -word · tag:react · kind:question · by:sarah · site:github.com · in:community · is:unanswered · before:2024-05-01 · after:2024-01 (or 7d, 4w, 6m, 1y ago)';
