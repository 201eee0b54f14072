import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

export interface StaticServer {
  origin: string;
  /** Serve this body at this path instead of the file (to change a page between visits). */
  override(path: string, body: string | null): void;
  close(): Promise<void>;
}

/**
 * Serves test pages from a folder on 127.0.0.1 (a random port). `mount` is the path the folder is served
 * under (`/dist/` serves `root/x.js` at `/dist/x.js`; anything else outside it is not found unless overridden).
 */
export async function startStaticServer(
  root = resolve('tests/fixtures/pages'),
  { mount = '/' }: { mount?: string } = {},
): Promise<StaticServer> {
  const overrides = new Map<string, string>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const body = overrides.get(path);
    if (body !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(body);
    }
    if (!path.startsWith(mount)) return res.writeHead(404).end('not found');
    const inRoot = path.slice(mount.length - 1);
    const file = normalize(join(root, inRoot.endsWith('/') ? `${inRoot}index.html` : inRoot));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      const data = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(data);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    override: (path, b) => (b === null ? overrides.delete(path) : overrides.set(path, b)),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
