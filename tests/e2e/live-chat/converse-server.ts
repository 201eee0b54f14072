import { resolve } from 'node:path';
import { startStaticServer } from '../static-server';

/** converse.js's built files, from the pinned devDependency. */
export const CONVERSE_DIST = resolve('node_modules/converse.js/dist');

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
  const server = await startStaticServer(CONVERSE_DIST, { mount: '/dist/' });
  server.override('/', index);
  server.override('/index.html', index);
  return { origin: server.origin, close: () => server.close() };
}
