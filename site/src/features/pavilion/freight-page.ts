import type { FulfilmentMode } from '../../../../functions/domain/catalogue.js';
import { FULFILMENT_MODES, MAX_FREIGHT_PER_KG_FEN, parcelFreight, type FreightRates } from '../../../../functions/domain/freight.js';
import { ApiError, api } from './api.js';
import type { PavilionFreight } from './api-types.js';
import { $, toast } from './dom.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { decimalSeparator, fromDecimal, money, toDecimal } from './format.js';
import { tr } from './i18n.js';
import { fail, startWorkspace } from './workspace.js';

/**
 * The pavilion's freight rates: one row per fulfilment mode, yuan typed as people write them
 * (28.00, 28,5), converted to fen by the domain's money rules, and shown with the workspace
 * language's decimal separator (28,00 in Russian). Each row shows what a 2.5 kg parcel
 * costs (three started kilograms), worked out by the same function the cart uses.
 */
const PARTS = ['firstKg', 'extraKg'] as const;
const EXAMPLE_GRAMS = 2500;
const form = $<HTMLFormElement>('[data-freight-form]');
const banner = $('[data-form-banner]');
let dirty = false;
let saving = false;

void startWorkspace().then(async (workspace) => {
  if (!workspace) return;
  wire();
  try {
    show(await api<PavilionFreight>('/freight'));
  } catch (error) {
    await fail(error);
  }
});

function show(freight: PavilionFreight): void {
  for (const mode of FULFILMENT_MODES) {
    for (const part of PARTS) input(mode, part).value = toDecimal(freight.rates[mode][part].amount, 'CNY', decimalSeparator());
  }
  respell();
  $('[data-default-note]').hidden = !freight.isDefault;
  dirty = false;
  renderExamples();
}

/** The form as the API's body, and every amount that is not yuan or is above the ceiling, by its field path. */
function collect(): { rates: FreightRates | null; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const amountOf = (mode: FulfilmentMode, part: (typeof PARTS)[number]) => {
    const field = `${mode}.${part}.amount`;
    const amount = fromDecimal(input(mode, part).value, 'CNY');
    if (amount === null) errors.push({ field, message: tr('freight.amountError') });
    else if (amount > MAX_FREIGHT_PER_KG_FEN) errors.push({ field, message: tr('freight.tooHigh', { max: money(MAX_FREIGHT_PER_KG_FEN, 'CNY') }) });
    return { amount: amount ?? 0, currency: 'CNY' as const };
  };
  const rateOf = (mode: FulfilmentMode) => ({ firstKg: amountOf(mode, 'firstKg'), extraKg: amountOf(mode, 'extraKg') });
  const rates: FreightRates = { bonded_warehouse: rateOf('bonded_warehouse'), direct_rail: rateOf('direct_rail'), direct_air: rateOf('direct_air') };
  return { rates: errors.length === 0 ? rates : null, errors };
}

function renderExamples(): void {
  for (const mode of FULFILMENT_MODES) {
    const first = fromDecimal(input(mode, 'firstKg').value, 'CNY');
    const extra = fromDecimal(input(mode, 'extraKg').value, 'CNY');
    const cell = $(`[data-example="${mode}"]`, form);
    cell.textContent =
      first === null || extra === null
        ? '–'
        : money(parcelFreight(EXAMPLE_GRAMS, { firstKg: { amount: first, currency: 'CNY' }, extraKg: { amount: extra, currency: 'CNY' } }).amount, 'CNY');
  }
}

async function save(): Promise<void> {
  if (saving) return;
  const { rates, errors } = collect();
  if (!rates) return showFieldErrors(form, errors, banner);
  clearFieldErrors(form);
  banner.hidden = true;
  saving = true;
  const button = $<HTMLButtonElement>('[data-save]');
  button.disabled = true;
  button.textContent = tr('editor.saving');
  try {
    show(await api<PavilionFreight>('/freight', { method: 'PUT', json: rates }));
    toast(tr('freight.saved'));
  } catch (error) {
    if (error instanceof ApiError && error.errors.length > 0) showFieldErrors(form, error.errors, banner);
    else await fail(error);
  } finally {
    saving = false;
    button.disabled = false;
    button.textContent = tr('freight.save');
  }
}

function wire(): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  form.addEventListener('input', () => {
    dirty = true;
    renderExamples();
  });
  window.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });
  document.addEventListener('workspace:language', () => {
    respell();
    renderExamples();
  });
}

/** Amounts (and the placeholder) written with the language's decimal separator; what is not an amount is left as typed. */
function respell(): void {
  const separator = decimalSeparator();
  for (const mode of FULFILMENT_MODES) {
    for (const part of PARTS) {
      const field = input(mode, part);
      const amount = fromDecimal(field.value, 'CNY');
      if (amount !== null) field.value = toDecimal(amount, 'CNY', separator);
      field.placeholder = toDecimal(0, 'CNY', separator);
    }
  }
}

function input(mode: FulfilmentMode, part: (typeof PARTS)[number]): HTMLInputElement {
  return $<HTMLInputElement>(`[name="${mode}.${part}.amount"]`, form);
}
