import { SavedSegment, type SavedSimilarityIndex } from './saved-segment';

/** 1: the notes changed since the base as one small segment (saved-segment's layout) plus the removed ids. */
export const DELTA_FORMAT = 1;

/**
 * The notes changed since the saved base, kept in a row of their own so a save after a harvest writes a few
 * notes instead of the whole index. `rows` holds each changed note's current version (its own word list),
 * `removed` the ids no longer live; loading replays it over the base.
 */
export interface SavedSimilarityDelta {
  format: typeof DELTA_FORMAT;
  removed: string[];
  rows: SavedSimilarityIndex;
}

/** The delta's notes, checked as a base is; throws a RangeError on anything `saveDelta` did not write. */
export function openDelta(saved: SavedSimilarityDelta): SavedSegment {
  if (
    saved?.format !== DELTA_FORMAT ||
    !Array.isArray(saved.removed) ||
    !saved.removed.every((id) => typeof id === 'string')
  ) {
    throw new RangeError('Not a saved similarity delta');
  }
  return SavedSegment.open(saved.rows);
}
