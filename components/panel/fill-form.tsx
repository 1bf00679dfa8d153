import { useEffect, useRef, useState } from 'react';
import { t } from '../../lib/i18n';
import type { TemplateVariable } from '../../lib/templates/variables';
import { variableLabel } from '../../lib/labels';

interface Props {
  title: string;
  missing: TemplateVariable[];
  action: 'insert' | 'copy';
  onSubmit(values: Partial<Record<TemplateVariable, string>>): void;
  onCancel(): void;
}

/** Asks for the values a template needs and the page did not give, before anything goes out. */
export function FillForm({ title, missing, action, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<Partial<Record<TemplateVariable, string>>>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const complete = missing.every((name) => values[name]?.trim());
  return (
    // Escape from any field of the form cancels it; the form only hears the keys its fields get.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className="fill-form"
      aria-label={t('fillTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (complete) onSubmit(values);
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2>{t('fillTitle')}</h2>
      <p className="muted">{title}</p>
      {missing.map((name, i) => (
        <label key={name}>
          {variableLabel(name)}
          <input ref={i === 0 ? first : undefined} required value={values[name] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))} />
        </label>
      ))}
      <div className="actions">
        <button type="submit" disabled={!complete}>
          {action === 'insert' ? t('fillSubmitInsert') : t('fillSubmitCopy')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
