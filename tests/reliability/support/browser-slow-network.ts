import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A plain HTTP proxy that adds latency in front of the real server, as a server across the
 * internet has. Without it a loopback sync is over before the worker can be stopped in the
 * middle of it; with it, work is spread over seconds and a kill can land anywhere in it.
 */

export interface SlowNetwork {
  url: string;
  close(): Promise<void>;
}

export async function startSlowNetwork(target: string, delayMs: number): Promise<SlowNetwork> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        const upstream = request(
          { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        // A client gone (the worker stopped mid-request) is the point of the exercise, not an error.
        upstream.on('error', () => res.destroy());
        res.on('close', () => upstream.destroy());
        upstream.end(Buffer.concat(chunks));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
