import type { z } from 'zod';
import {
  apiErrorSchema,
  eventsResponseSchema,
  libraryPageSchema,
  meResponseSchema,
  type EventsRequest,
  type EventsResponse,
  type LibraryPage,
  type MeResponse,
} from '../schema/api';
import { createLinkResponseSchema, linksResponseSchema, type CreateLinkRequest, type ShareLink } from '../schema/links';
import { ApiError } from './api-error';
import { clip } from './clip';

export interface ApiClientOptions {
  /** e.g. http://127.0.0.1:8787; a trailing slash is fine. */
  serverUrl: string;
  token: string;
  /** Injected so tests (and the worker) choose the implementation. */
  fetch: typeof fetch;
  /** Per request; a slow server counts as unreachable after this. */
  timeoutMs?: number;
}

export type LibraryPageResult = { notModified: true } | { notModified: false; page: LibraryPage; etag: string | undefined };

export interface ApiClient {
  /** The normalised server URL. */
  readonly serverUrl: string;
  /** Names the server and credentials: a cursor from one is meaningless on another. */
  sourceKey(): Promise<string>;
  me(signal?: AbortSignal): Promise<MeResponse>;
  libraryPage(request: { cursor?: string; limit?: number; etag?: string; signal?: AbortSignal }): Promise<LibraryPageResult>;
  postEvents(events: EventsRequest['events'], signal?: AbortSignal): Promise<EventsResponse>;
  /** POST /api/v1/links: a new share link for an item. */
  createLink(request: CreateLinkRequest, signal?: AbortSignal): Promise<ShareLink>;
  /** GET /api/v1/links: the rep's share links with their counted views. */
  links(signal?: AbortSignal): Promise<ShareLink[]>;
  /** DELETE /api/v1/links/:slug */
  revokeLink(slug: string, signal?: AbortSignal): Promise<void>;
}

/** A typed client of the library server's API v1. Every failure is thrown as an ApiError. */
export function createApiClient({ serverUrl, token, fetch: fetchImpl, timeoutMs = 30_000 }: ApiClientOptions): ApiClient {
  const base = serverUrl.trim().replace(/\/+$/, '');

  async function request(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal }): Promise<Response> {
    if (!/^https?:\/\/[^/]/i.test(base)) {
      throw new ApiError('unreachable', `the server URL "${serverUrl}" is not an http(s) URL`);
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of another object.
      response = await fetchImpl(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        signal,
      });
    } catch (error) {
      if (init.signal?.aborted) throw new ApiError('aborted', 'stopped');
      if (timeout.aborted) throw new ApiError('unreachable', `the server did not answer within ${Math.round(timeoutMs / 1000)} s`);
      throw new ApiError('unreachable', `cannot reach ${base}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status >= 300 && response.status !== 304) throw await failure(response);
    return response;
  }

  async function readBody<S extends z.ZodType>(response: Response, schema: S, what: string): Promise<z.infer<S>> {
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError('malformed', `the server's ${what} is not JSON; is ${base} a Quiver server?`, { status: response.status });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.map((p) => clip(String(p), 40)).join('.')}: ` : '';
      throw new ApiError('malformed', `the server's ${what} is not what a Quiver server sends (${where}${issue?.message ?? 'invalid'})`, {
        status: response.status,
      });
    }
    return parsed.data;
  }

  return {
    serverUrl: base,
    async sourceKey() {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
      const hex = [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
      return `${base}#${hex}`;
    },
    async me(signal) {
      return readBody(await request('/api/v1/me', { ...(signal ? { signal } : {}) }), meResponseSchema, 'answer to /me');
    },
    async libraryPage({ cursor, limit, etag, signal }) {
      const query = new URLSearchParams();
      if (cursor) query.set('cursor', cursor);
      if (limit !== undefined) query.set('limit', String(limit));
      const qs = query.size > 0 ? `?${query}` : '';
      const response = await request(`/api/v1/library${qs}`, {
        ...(etag ? { headers: { 'If-None-Match': etag } } : {}),
        ...(signal ? { signal } : {}),
      });
      if (response.status === 304) return { notModified: true };
      const page = await readBody(response, libraryPageSchema, 'library page');
      return { notModified: false, page, etag: response.headers.get('ETag') ?? undefined };
    },
    async postEvents(events, signal) {
      const response = await request('/api/v1/events', { method: 'POST', body: { events }, ...(signal ? { signal } : {}) });
      return readBody(response, eventsResponseSchema, 'answer to the events upload');
    },
    async createLink(body, signal) {
      const response = await request('/api/v1/links', { method: 'POST', body, ...(signal ? { signal } : {}) });
      return readBody(response, createLinkResponseSchema, 'new share link');
    },
    async links(signal) {
      const response = await request('/api/v1/links', { ...(signal ? { signal } : {}) });
      return (await readBody(response, linksResponseSchema, 'list of share links')).links;
    },
    async revokeLink(slug, signal) {
      await request(`/api/v1/links/${encodeURIComponent(slug)}`, { method: 'DELETE', ...(signal ? { signal } : {}) });
    },
  };
}

/** Maps an HTTP failure to the error taxonomy, keeping the server's own message when it sent one. */
async function failure(response: Response): Promise<ApiError> {
  let serverCode: string | undefined;
  let serverMessage: string | undefined;
  try {
    const parsed = apiErrorSchema.safeParse(await response.json());
    if (parsed.success) {
      serverCode = parsed.data.error.code;
      serverMessage = parsed.data.error.message;
    }
  } catch {
    // Not JSON: a proxy's error page, say. The status alone decides.
  }
  const details = { status: response.status, ...(serverCode ? { serverCode } : {}) };
  const status = response.status;
  if (status === 401) return new ApiError('unauthorized', 'token rejected', details);
  if (status === 403) return new ApiError('forbidden', serverMessage ?? 'this token may not do that', details);
  if (status >= 500) return new ApiError('server', `server error (HTTP ${status})${serverMessage ? `: ${serverMessage}` : ''}`, details);
  if (status === 404 && !serverCode) {
    return new ApiError('bad_request', `nothing at this address (HTTP 404); is the server URL right?`, details);
  }
  return new ApiError('bad_request', serverMessage ?? `the server refused the request (HTTP ${status})`, details);
}
