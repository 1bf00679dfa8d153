import { t } from '../../lib/i18n';
import type { ServerFallback, StatsResult } from '../../lib/dashboard/stats-source';

function fallbackMessage(fallback: ServerFallback, serverUrl: string): string {
  switch (fallback.reason) {
    case 'forbidden':
      return t('dashFallbackForbidden');
    case 'rejected-token':
      return t('dashFallbackRejected');
    case 'unreachable':
      return t('dashFallbackUnreachable', serverUrl);
    case 'server-error':
      return t('dashFallbackServerError', String(fallback.status));
    case 'unreadable':
      return t('dashFallbackUnreadable');
  }
}

/** Whose figures these are, and why they are not the team's when the server did not answer. */
export function SourceNotice({ result }: { result: StatsResult }) {
  if (result.source === 'server') {
    return <p className="source-notice">{t('dashSourceServer', result.serverUrl)}</p>;
  }
  return (
    <>
      {result.fallback && (
        <p className="source-notice warning" role="alert">
          {fallbackMessage(result.fallback, result.serverUrl ?? '')}
        </p>
      )}
      <p className="source-notice">{t('dashSourceLocal')}</p>
    </>
  );
}
