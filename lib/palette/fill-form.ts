import { t } from '../i18n';
import type { MissingValue } from './host-contract';

/*
 * Asks for the values an item needs that the page did not give (a variable with no value and
 * no fallback is never inserted as `{{…}}` or left blank). One labelled, required field per
 * value; Enter or Insert submits, Cancel (or Escape, handled by the palette) goes back.
 */

export interface FillHandlers {
  submit(values: Record<string, string>): void;
  cancel(): void;
}

export function fillForm(doc: Document, title: string, missing: MissingValue[], handlers: FillHandlers): HTMLFormElement {
  const form = doc.createElement('form');
  form.className = 'fill';
  form.setAttribute('aria-labelledby', 'quiver-fill-title');
  const heading = doc.createElement('h2');
  heading.id = 'quiver-fill-title';
  heading.textContent = t('fillTitle');
  const item = doc.createElement('p');
  item.className = 'item';
  item.textContent = title;
  form.append(heading, item);

  const inputs = missing.map(({ name, label }) => {
    const field = doc.createElement('label');
    const caption = doc.createElement('span');
    caption.textContent = label;
    const input = doc.createElement('input');
    input.name = name;
    input.required = true;
    input.autocomplete = 'off';
    field.append(caption, input);
    form.append(field);
    return input;
  });

  const actions = doc.createElement('div');
  actions.className = 'actions';
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.textContent = t('cancel');
  cancel.addEventListener('click', () => handlers.cancel());
  const submit = doc.createElement('button');
  submit.type = 'submit';
  submit.textContent = t('fillSubmitInsert');
  actions.append(cancel, submit);
  form.append(actions);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const empty = inputs.find((i) => i.value.trim() === '');
    if (empty) return empty.focus();
    handlers.submit(Object.fromEntries(inputs.map((i) => [i.name, i.value.trim()])));
  });
  return form;
}
