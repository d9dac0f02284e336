import { onCurrencyChange, preferredCurrency, rememberCurrency } from './preference.js';

/**
 * The header's currency picker (components/CurrencyPicker.astro): shows the remembered currency,
 * and a choice is remembered for every page, the cart included (preference.ts), and applied to the
 * prices on this page at once.
 */
function show(picker: HTMLElement, currency: string): void {
  const select = picker.querySelector('select');
  if (select && select.value !== currency) select.value = currency;
  const code = picker.querySelector<HTMLElement>('[data-currency-code]');
  if (code && code.textContent !== currency) code.textContent = currency;
  picker.dataset.currency = currency;
}

const pickers = [...document.querySelectorAll<HTMLElement>('[data-currency-picker]')];
for (const picker of pickers) {
  show(picker, preferredCurrency());
  picker.querySelector('select')?.addEventListener('change', (event) => rememberCurrency((event.target as HTMLSelectElement).value));
}
onCurrencyChange((currency) => {
  for (const picker of pickers) show(picker, currency);
});
