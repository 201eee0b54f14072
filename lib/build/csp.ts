/**
 * The extension pages' Content Security Policy: our bundled scripts only (no inline or remote script), no
 * plugins, no <base> rewriting where relative URLs go, no form posting anywhere. The build inlines small CSS,
 * so style is not limited.
 */
export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
