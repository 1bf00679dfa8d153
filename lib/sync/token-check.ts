import { t } from '../i18n';
import type { Settings } from '../settings';
import { createApiClient } from './api-client';
import { ApiError } from './api-error';
import { errorText } from './sync-status-text';

/** What the options page says after Save: who the token belongs to, or why it cannot be used. */
export type TokenCheck = { kind: 'info' | 'ok' | 'error'; text: string };

/** Checks the token with /api/v1/me. */
export async function checkToken(settings: Pick<Settings, 'serverUrl' | 'token'>, fetchFn: typeof fetch = (...a) => fetch(...a)): Promise<TokenCheck> {
  const client = createApiClient({ serverUrl: settings.serverUrl, token: settings.token, fetch: fetchFn, timeoutMs: 10_000 });
  try {
    const me = await client.me();
    return { kind: 'ok', text: t('optConnectedAs', [me.user.email, me.user.role, me.org.slug]) };
  } catch (error) {
    if (!(error instanceof ApiError)) return { kind: 'error', text: String(error) };
    if (error.code === 'unauthorized') return { kind: 'error', text: t('optTokenRejected') };
    if (error.code === 'unreachable') return { kind: 'error', text: t('optServerUnreachable', error.message) };
    return { kind: 'error', text: t('optServerError', `${errorText(error.code)}: ${error.message}`) };
  }
}
