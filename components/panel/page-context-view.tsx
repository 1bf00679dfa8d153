import { t } from '../../lib/i18n';
import type { PageContext } from '../../lib/schema/page-context';
import { prospectOf } from '../../lib/templates/values';
import { pageKindLabel, siteLabel } from '../../lib/labels';
import { probePage } from '../../lib/site-health/probe';
import type { PageContextState } from './use-page-context';

function Row({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <div className="ctx-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The person's name and address; their title has its own row (see `personTitle`). */
function describePerson(context: PageContext): string | undefined {
  const person = prospectOf(context);
  if (!person) return undefined;
  const name = person.fullName ?? [person.firstName, person.lastName].filter(Boolean).join(' ');
  const parts = [name, person.email && name ? `<${person.email}>` : person.email].filter(Boolean);
  return parts.join(' ') || undefined;
}

/**
 * What went wrong reading a supported page, in plain words: the adapter missed the message
 * box of an open compose, or what the page is about (lib/site-health/probe.ts judges both,
 * as the site-health report does). Else, with no editor yet, where to click.
 */
function ReadProblem({ context }: { context: PageContext }) {
  const failed = probePage(context)?.failed ?? [];
  const site = siteLabel(context.site!);
  if (failed.includes('editor')) return <p className="ctx-problem">{t('contextEditorMissing', site)}</p>;
  if (failed.includes('context')) return <p className="ctx-problem">{t('contextNotRead', [site, pageKindLabel(context.pageKind)])}</p>;
  if (!context.editor) return <p className="muted">{t('contextNoEditor')}</p>;
  return null;
}

const personTitle = (context: PageContext): string | undefined => prospectOf(context)?.title || undefined;

/** What Quiver read from the page, so the rep sees what will be filled in. */
export function PageContextView({ state }: { state: PageContextState }) {
  let body: React.ReactNode;
  if (state.status === 'none') body = <p className="muted">{t('contextNoTab')}</p>;
  else if (state.status === 'loading') body = <p className="muted">{t('contextLoading')}</p>;
  else if (!state.context.supported || !state.context.site) body = <p className="muted">{t('contextUnsupported')}</p>;
  else {
    const c = state.context;
    const others =
      (c.recipients?.length ?? 0) > 1
        ? c.recipients
            ?.slice(1)
            .map((r) => r.fullName ?? r.email)
            .join(', ')
        : undefined;
    body = (
      <>
        <p className="ctx-site">
          <strong>{siteLabel(c.site!)}</strong> · {pageKindLabel(c.pageKind)}
          {c.recordType && c.recordType.toLowerCase() !== c.pageKind ? ` · ${c.recordType}` : ''}
        </p>
        <dl className="ctx-list">
          <Row label={t('contextPerson')} value={describePerson(c)} />
          <Row label={t('contextTitle')} value={personTitle(c)} />
          <Row label={t('contextRecipients')} value={others} />
          <Row label={t('contextCompany')} value={c.company} />
          <Row label={t('contextLists')} value={c.lists?.join(', ')} />
          <Row label={t('contextRecord')} value={c.recordName && c.recordName !== c.deal?.name ? c.recordName : undefined} />
          <Row label={t('contextDeal')} value={c.deal?.name} />
          <Row label={t('contextStage')} value={c.deal?.stage} />
          <Row label={t('contextSubject')} value={c.subject} />
          <Row label={t('contextEditor')} value={c.editor?.label} />
        </dl>
        <ReadProblem context={c} />
      </>
    );
  }
  return (
    <section className="page-context" aria-label={t('pageContextLabel')}>
      {body}
    </section>
  );
}
