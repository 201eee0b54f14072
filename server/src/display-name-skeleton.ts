import unhomoglyph from 'unhomoglyph';

/** UTS #39 skeleton: NFD, each character to its prototype in Unicode's confusables.txt (unhomoglyph), NFD. */
const skeleton = (s: string) => unhomoglyph(s.normalize('NFD')).normalize('NFD');

/**
 * The key display names are unique on within a community (migration 009): two names whose keys are equal look
 * alike to a reader. The UTS #39 skeleton, taken again after lower-casing (so case alone never makes a name
 * new, as migration 004 already held, and `I`/`l` still collide), with whitespace runs as one space. Never shown:
 * a skeleton is a jumble of scripts (`m` becomes `rn`).
 */
export function displayNameSkeleton(name: string): string {
  return skeleton(skeleton(name.normalize('NFKC')).toLowerCase())
    .replace(/\s+/gu, ' ')
    .trim();
}
