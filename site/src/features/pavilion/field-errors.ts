import type { FieldError } from './api.js';

/**
 * Shows the API's per-field errors next to their inputs. Inputs are named by the field's path
 * (`title.ru`, `certificates.0.validUntil`); an error for a deeper path than any input lands on
 * the nearest named ancestor (`price.currency` on `price.amount` falls back to `price`), and
 * anything left over goes to the form's banner. The first bad input gets the focus.
 */
export function showFieldErrors(form: HTMLElement, errors: readonly FieldError[], banner?: HTMLElement | null): void {
  clearFieldErrors(form);
  const leftovers: string[] = [];
  let first: HTMLElement | null = null;
  for (const error of errors) {
    const input = findInput(form, error.field);
    if (!input) {
      leftovers.push(error.field === '(root)' ? error.message : `${error.field}: ${error.message}`);
      continue;
    }
    input.setAttribute('aria-invalid', 'true');
    const holder = errorHolder(form, input);
    if (holder) holder.textContent = holder.textContent ? `${holder.textContent}; ${error.message}` : error.message;
    first ??= input;
  }
  if (banner) {
    banner.hidden = leftovers.length === 0;
    banner.textContent = leftovers.join(' · ');
  }
  first?.focus();
}

export function clearFieldErrors(form: HTMLElement): void {
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const holder of form.querySelectorAll('.field-error')) holder.textContent = '';
}

function findInput(form: HTMLElement, field: string): HTMLElement | null {
  const aliases: Record<string, string> = { 'price.currency': 'price.amount', price: 'price.amount', fulfilment: 'fulfilment.mode' };
  let path = aliases[field] ?? field;
  for (;;) {
    const input = form.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
    if (input) return input;
    const cut = path.lastIndexOf('.');
    if (cut < 0) return null;
    path = path.slice(0, cut);
  }
}

/** The `.field-error` the input points to with aria-describedby (or the one in its label). */
function errorHolder(form: HTMLElement, input: HTMLElement): HTMLElement | null {
  for (const id of (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)) {
    const node = form.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (node?.classList.contains('field-error')) return node;
  }
  return input.closest('.field')?.querySelector<HTMLElement>('.field-error') ?? null;
}
