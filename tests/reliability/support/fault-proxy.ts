import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * An HTTP proxy in front of the real server that fails the way networks and middleboxes do.
 * The "after commit" faults forward the request first, so the server has stored the batch,
 * and then lose or mangle the answer: the client cannot know its events arrived.
 */

export const FAULTS = [
  /** 503 from the proxy; the server never sees the request. */
  'refused with 503',
  /** No answer at all; the server never sees the request. */
  'hang before the server',
  /** The connection is reset as the request arrives. */
  'reset before the server',
  /** The server stored the batch; the proxy answers 502 instead. */
  '502 after commit',
  /** The server stored the batch; no answer ever comes. */
  'hang after commit',
  /** The server stored the batch; the connection is reset. */
  'reset after commit',
  /** The server stored the batch; half the answer arrives, then the connection dies. */
  'truncated after commit',
] as const;
export type Fault = (typeof FAULTS)[number] | 'pass';

export interface FaultProxy {
  url: string;
  /** Chooses the fault for each request. */
  plan: () => Fault;
  readonly counts: Record<Fault, number>;
  /** What the server answered to the event uploads it saw, summed: accepted counts each event once. */
  readonly server: { accepted: number; duplicates: number; rejected: number };
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const counts = Object.fromEntries([...FAULTS, 'pass'].map((f) => [f, 0])) as Record<Fault, number>;
  const totals = { accepted: 0, duplicates: 0, rejected: 0 };
  const held = new Set<ServerResponse>();
  const proxy: FaultProxy = {
    url: '',
    plan: () => 'pass',
    counts,
    server: totals,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const server = createServer((req, res) => {
    const fault = proxy.plan();
    counts[fault] += 1;
    if (fault === 'reset before the server') return void req.socket.destroy();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (fault === 'refused with 503') {
          res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":{"code":"unavailable","message":"try again later"}}');
          return;
        }
        if (fault === 'hang before the server') return void held.add(res);

        const upstream = await fetch(`${target}${req.url ?? '/'}`, {
          method: req.method ?? 'GET',
          headers: { Authorization: req.headers.authorization ?? '', 'Content-Type': req.headers['content-type'] ?? 'application/json' },
          ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
        });
        const body = Buffer.from(await upstream.arrayBuffer());
        if (upstream.status === 200 && req.url?.startsWith('/api/v1/events')) {
          const answer = JSON.parse(body.toString()) as typeof totals & { rejected: unknown[] };
          totals.accepted += answer.accepted;
          totals.duplicates += answer.duplicates;
          totals.rejected += answer.rejected.length;
        }

        if (fault === '502 after commit') return void res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
        if (fault === 'hang after commit') return void held.add(res);
        if (fault === 'reset after commit') return void req.socket.destroy();
        res.writeHead(upstream.status, { 'Content-Type': 'application/json', 'Content-Length': body.length });
        if (fault === 'truncated after commit') {
          res.write(body.subarray(0, Math.floor(body.length / 2)));
          setTimeout(() => req.socket.destroy(), 5);
          return;
        }
        res.end(body);
      })().catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
