/**
 * Where member tokens may travel: https anywhere, plain http only to this machine (a local endpoint, as
 * `npm start` runs). Anything else would hand the token to whoever is on the network path.
 */
export function isTokenSafeEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export const INSECURE_ENDPOINT =
  'Member tokens travel only over https (plain http only to this computer): use the endpoint’s https:// address';

/**
 * The server part of a membership's key: the endpoint's origin and path, normalised, so a community id claimed
 * by another server is another membership, never a replacement of this one.
 */
export function serverKey(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
