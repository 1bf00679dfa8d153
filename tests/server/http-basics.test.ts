import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.tokenFor('acme', 'rep@acme.test', 'rep');
});
afterAll(() => server.dispose());

describe('CORS for the extension', () => {
  for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b9e3f1c-1d2e-4c5f-9a8b-7c6d5e4f3a2b']) {
    it(`lets ${origin.split(':')[0]} pages preflight a request with Authorization`, async () => {
      const res = await fetch(`${server.url}/api/v1/library?cursor=x`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization,if-none-match',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    });
  }

  it('grants the real request and exposes the ETag to the extension', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const res = await call(`${server.url}/api/v1/library`, { token, headers: { Origin: origin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('grants nothing to a web page', async () => {
    const res = await fetch(`${server.url}/api/v1/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('plain HTTP behaviour', () => {
  it('answers /healthz without a token', async () => {
    const res = await call(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await call(`${server.url}/api/v2/library`, { token });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/api/v2/library') } });
  });
});
