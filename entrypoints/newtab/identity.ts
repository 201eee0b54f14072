/** Kept for the page's own imports; the parsing is pure (lib/digest/identity.ts), the reading in lib/db. */
export { LOCAL_ME, meIdsOf, type Identity } from '@/lib/digest';
export { readIdentity } from '@/lib/db/digest-engine';
