import { HAS_TEST_HOOKS } from '../build/test-hooks';

/**
 * A `performance` mark on a step of the digest's cold path, in test builds' pages only: bench/digest-profile.ts
 * reads them to say where a cold new tab's time goes (issue 19). A service worker computes the digest again and
 * again and would only pile them up.
 */
export function traceMark(name: string): void {
  if (HAS_TEST_HOOKS && typeof document !== 'undefined') performance.mark(name);
}
