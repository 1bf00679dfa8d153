import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer of the scripted server, written byte for byte. */
export interface ScriptedResponse {
  status: number;
  body: Uint8Array;
}

/** What the scripted server answers once a case's responses are used up: the end of the library. */
export const FINAL_PAGE = { items: [], deleted: [], cursor: 'c-final', hasMore: false } as const;

export interface PageServer {
  url: string;
  /** Starts a case: these responses are given in order, then FINAL_PAGE to every request. */
  script(responses: ScriptedResponse[]): void;
  /** Request URLs (path and query) seen since the last `script`. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * A library server under the test's control: it answers the sync client with whatever bytes a
 * case scripts, which no real server would send (truncated JSON, invalid UTF-8, wrong types).
 */
export async function startPageServer(): Promise<PageServer> {
  let queue: ScriptedResponse[] = [];
  let requests: string[] = [];
  const final = Buffer.from(JSON.stringify(FINAL_PAGE));
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const next = queue.shift() ?? { status: 200, body: final };
    if (next.status === 204 || next.status === 304) {
      // These carry no body by definition; a Content-Length would make the client wait for one.
      res.writeHead(next.status).end();
      return;
    }
    res.writeHead(next.status, { 'Content-Type': 'application/json', 'Content-Length': next.body.length });
    res.end(next.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    script(responses) {
      queue = [...responses];
      requests = [];
    },
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
