import { cors } from 'hono/cors';

/*
 * The extension calls whatever server URL the rep enters, without host permissions, so the
 * server answers CORS for extension origins (preflight included: requests carry
 * Authorization). Web pages get no CORS grant: nothing here is meant for them.
 */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9-]+$/;

export function isExtensionOrigin(origin: string): boolean {
  return EXTENSION_ORIGIN.test(origin);
}

export function extensionCors() {
  return cors({
    origin: (origin) => (isExtensionOrigin(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
    exposeHeaders: ['ETag'],
    maxAge: 600,
  });
}
