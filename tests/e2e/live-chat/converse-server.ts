import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** converse.js's built files, from the pinned devDependency. */
export const CONVERSE_DIST = resolve('node_modules/converse.js/dist');

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

export interface ConverseLogin {
  jid: string;
  password: string;
  websocketUrl: string;
  /** Rooms converse.js joins once logged in (`auto_join_rooms`). */
  rooms: string[];
  nickname: string;
}

/** The page a user opens: converse.js, full screen, logging in by itself and joining the rooms. */
export function conversePage(login: ConverseLogin): string {
  const settings = {
    authentication: 'login',
    auto_login: true,
    jid: login.jid,
    password: login.password,
    websocket_url: login.websocketUrl,
    discover_connection_methods: false,
    auto_join_rooms: login.rooms,
    nickname: login.nickname,
    view_mode: 'fullscreen',
    assets_path: '/dist/',
    i18n: 'en',
    play_sounds: false,
    show_client_info: false,
    loglevel: 'warn',
  };
  // JSON inside a <script>: "<" escaped so no value can close the element.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Converse</title>
<link rel="stylesheet" href="/dist/converse.min.css">
<script type="module" src="/dist/converse.min.js"></script>
</head>
<body class="converse-fullscreen">
<script type="module">converse.initialize(${json});</script>
</body>
</html>`;
}

export interface ConverseServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `/` (the login page above) and `/dist/*` (converse.js's files) on 127.0.0.1, a random port. */
export async function startConverseServer(login: ConverseLogin): Promise<ConverseServer> {
  const index = conversePage(login);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(index);
    }
    if (!path.startsWith('/dist/')) return res.writeHead(404).end('not found');
    const file = normalize(join(CONVERSE_DIST, path.slice('/dist/'.length)));
    if (!file.startsWith(CONVERSE_DIST)) return res.writeHead(403).end();
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
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
