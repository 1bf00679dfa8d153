import { useMemo } from 'react';
import type { StoredItem } from '../../lib/db';
import { formatDay, t } from '../../lib/i18n';
import { isExpired, isStale, isTemplateType } from '../../lib/schema/content';
import { renderPreview } from '../../lib/templates/render';
import { sanitizeHtml } from '../../lib/templates/sanitize';
import { slugLabel, stageLabel, typeLabel, variableLabel } from '../../lib/labels';
import { useCanShare } from './share-availability';

export type ItemAction = 'insert' | 'copy' | 'copy_link' | 'open_asset' | 'share_link';

interface Props {
  item: StoredItem;
  open: boolean;
  today: string;
  /** Why this item is suggested, in plain words (suggestions only). */
  reasons?: string[];
  onToggle(): void;
  onAction(action: ItemAction): void;
}

export function Badges({ item, today }: { item: StoredItem; today: string }) {
  const expired = isExpired(item, today);
  const stale = !expired && isStale(item, today);
  return (
    <>
      {expired && <span className="badge badge-expired">{t('badgeExpired')}</span>}
      {stale && (
        <span className="badge badge-stale" title={t('staleTitle', [item.review_by ?? '', item.owner])}>
          {t('badgeStale')} · {item.owner}
        </span>
      )}
    </>
  );
}

/** Personas, industries or tags as labels ("VP Operations"), not as the library's slugs. */
function Labels({ values }: { values: readonly string[] }) {
  return (
    <ul className="labels">
      {values.map((v) => (
        <li key={v} className="label">
          {slugLabel(v)}
        </li>
      ))}
    </ul>
  );
}

function Preview({ item, today }: { item: StoredItem; today: string }) {
  const preview = useMemo(() => {
    const { html, subject } = renderPreview(item, variableLabel);
    return { html: sanitizeHtml(html), subject };
  }, [item]);
  const expired = isExpired(item, today);
  return (
    <div className="preview" role="region" aria-label={t('preview')}>
      {expired && <p className="notice notice-error">{t('expiredNotice', [formatDay(item.expires ?? ''), item.owner])}</p>}
      {!expired && isStale(item, today) && <p className="notice notice-warning">{t('staleNotice', [item.review_by ?? '', item.owner])}</p>}
      <dl className="preview-meta">
        {preview.subject && (
          <div>
            <dt>{t('previewSubject')}</dt>
            <dd>{preview.subject}</dd>
          </div>
        )}
        <div>
          <dt>{t('previewOwner')}</dt>
          <dd>{item.owner}</dd>
        </div>
        {item.review_by && (
          <div>
            <dt>{t('previewReviewBy')}</dt>
            <dd>{item.review_by}</dd>
          </div>
        )}
        {item.expires && (
          <div>
            <dt>{t('previewExpires')}</dt>
            <dd>{item.expires}</dd>
          </div>
        )}
        {(item.personas?.length ?? 0) > 0 && (
          <div>
            <dt>{t('previewPersonas')}</dt>
            <dd>
              <Labels values={item.personas!} />
            </dd>
          </div>
        )}
        {(item.industries?.length ?? 0) > 0 && (
          <div>
            <dt>{t('previewIndustries')}</dt>
            <dd>
              <Labels values={item.industries!} />
            </dd>
          </div>
        )}
        {item.tags.length > 0 && (
          <div>
            <dt>{t('previewTags')}</dt>
            <dd>
              <Labels values={item.tags} />
            </dd>
          </div>
        )}
        {item.shortcut && (
          <div>
            <dt>{t('previewShortcut')}</dt>
            <dd>
              <code>{item.shortcut}</code>
            </dd>
          </div>
        )}
      </dl>
      {item.url && (
        <p>
          <a href={item.url} target="_blank" rel="noopener noreferrer">
            {t('previewAsset')}
          </a>
        </p>
      )}
      <div className="preview-body" dangerouslySetInnerHTML={{ __html: preview.html }} />
    </div>
  );
}

/** One content item in a list: title, type, stages, summary, badges, actions, preview. */
export function ResultItem({ item, open, today, reasons, onToggle, onAction }: Props) {
  const expired = isExpired(item, today);
  const asset = !isTemplateType(item.type);
  const canShare = useCanShare()(item);
  return (
    <li className={`result${open ? ' result-open' : ''}`} data-id={item.id}>
      <button type="button" className="result-title" aria-expanded={open} onClick={onToggle}>
        <span className="title">{item.title}</span>
      </button>
      <div className="result-meta">
        <span className="type">{typeLabel(item.type)}</span>
        <span className="stages">{item.stages.map(stageLabel).join(' · ')}</span>
        <Badges item={item} today={today} />
      </div>
      {expired && <p className="expired-line">{t('expiredLine', [formatDay(item.expires ?? ''), item.owner])}</p>}
      {reasons && reasons.length > 0 && <p className="reasons">{reasons.join(' · ')}</p>}
      {item.summary && <p className="summary">{item.summary}</p>}
      <div className="actions">
        <button type="button" disabled={expired} onClick={() => onAction('insert')}>
          {t('insert')}
        </button>
        <button type="button" disabled={expired} onClick={() => onAction('copy')}>
          {t('copy')}
        </button>
        {asset && item.url && (
          <button type="button" disabled={expired} onClick={() => onAction('copy_link')}>
            {t('copyLink')}
          </button>
        )}
        {canShare && (
          <button type="button" disabled={expired} onClick={() => onAction('share_link')}>
            {t('shareLink')}
          </button>
        )}
      </div>
      {open && <Preview item={item} today={today} />}
    </li>
  );
}
