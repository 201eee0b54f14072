import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How a platform answers one webhook request, as documented: Slack's 429 with `Retry-After` (seconds) and a
 * plain-text body; Teams' 4xx/5xx; Discord's 429 with a JSON body carrying `retry_after` (seconds, fractional)
 * and `global`; or a broken connection, before or after the post was accepted.
 */
export type Answer =
  | { kind: 'ok' }
  | { kind: 'slack-429'; retryAfterS: number }
  | { kind: 'discord-429'; retryAfterS: number }
  | { kind: 'status'; status: number; body: string }
  | { kind: 'drop-before' }
  | { kind: 'drop-after' };

/** A loopback chat webhook that answers from a script and records every post it accepted. */
export async function startReceiver(): Promise<{
  url: string;
  script: Answer[];
  posts: unknown[];
  requests: number;
  close(): Promise<void>;
}> {
  const state = { script: [] as Answer[], posts: [] as unknown[], requests: 0 };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      const answer = state.script.shift() ?? { kind: 'ok' };
      const accept = () => state.posts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      switch (answer.kind) {
        case 'ok':
          accept();
          res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
          return;
        case 'slack-429':
          res
            .writeHead(429, { 'retry-after': String(answer.retryAfterS), 'content-type': 'text/plain' })
            .end('rate_limited');
          return;
        case 'discord-429':
          res.writeHead(429, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              message: 'You are being rate limited.',
              retry_after: answer.retryAfterS,
              global: false,
            }),
          );
          return;
        case 'status':
          res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
          return;
        case 'drop-before':
          req.socket.destroy();
          return;
        case 'drop-after':
          accept();
          req.socket.destroy();
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/T0SECRET/B0SECRET/xoxSECRETPART`,
    get script() {
      return state.script;
    },
    set script(s: Answer[]) {
      state.script = s;
    },
    posts: state.posts,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
