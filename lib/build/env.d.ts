/** Build-time flags (Vite exposes `WXT_`-prefixed environment variables as `import.meta.env.*`). */
interface ImportMetaEnv {
  /** '1' in test builds: see lib/build/test-hooks.ts. */
  readonly WXT_TEST_HOOKS?: string;
}
