/**
 * True only in a test build (`WXT_TEST_HOOKS=1 npx wxt build`, what the E2E suite and the Chromium benchmarks
 * run): the page-facing test hooks (an open shadow root Playwright can reach, `performance` marks, the
 * `chat:testHost` setting) exist only there. Vite replaces the expression at build time, so production bundles
 * carry neither the hooks nor their names.
 */
export const HAS_TEST_HOOKS: boolean = import.meta.env.WXT_TEST_HOOKS === '1';
