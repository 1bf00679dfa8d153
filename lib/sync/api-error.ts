/*
 * Every way a call to the library server can fail, in the few kinds the extension acts on
 * differently: retry later (unreachable, server), ask the rep to fix the settings
 * (unauthorized, forbidden, bad_request), or distrust the answer (malformed).
 */
export const API_ERROR_CODES = [
  /** Network error, DNS, refused connection, timeout, or a server URL that is not http(s). */
  'unreachable',
  /** 401: the token is unknown or revoked. */
  'unauthorized',
  /** 403: the token is fine but its role may not do this. */
  'forbidden',
  /** 5xx. */
  'server',
  /** Not JSON, or JSON that is not what a Quiver server sends. */
  'malformed',
  /** Another 4xx: the request was wrong (e.g. a cursor the server no longer knows). */
  'bad_request',
  /** The caller aborted (the worker is stopping); not a failure to report. */
  'aborted',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: { status?: number; serverCode?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Failures that may pass by themselves; the others need the rep (or admin) to change something. */
export function isTransient(code: ApiErrorCode): boolean {
  return code === 'unreachable' || code === 'server' || code === 'malformed';
}
