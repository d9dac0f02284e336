import { readTexts } from './dom.js';
import { notEnoughNote } from './notes.js';
import { clampQuantity, parseQuantity } from './quantity.js';
import { addToCart } from './session.js';
import { translatorFor } from './texts.js';

/**
 * The product page's quantity stepper and "Add to cart" button. Stock comes from the built page
 * and then from the live-product island (event sco:product-live); the server has the last word (409,
 * or 422 for a product China does not let in as a cross-border retail import).
 */
interface LiveFacts {
  readonly stock: number;
}

function wire(root: HTMLElement): void {
  const productId = root.dataset.productId ?? '';
  const title = root.dataset.productTitle ?? '';
  const t = translatorFor(readTexts(root), root.dataset.locale ?? 'en-GB');
  const button = root.querySelector<HTMLButtonElement>('[data-testid="add-to-cart"]');
  const label = root.querySelector<HTMLElement>('[data-add-label]');
  const input = root.querySelector<HTMLInputElement>('[data-quantity]');
  const stepper = root.querySelector<HTMLElement>('[data-stepper]');
  const steppers = [...root.querySelectorAll<HTMLButtonElement>('[data-step]')];
  const result = root.querySelector<HTMLElement>('[data-add-result]');
  const resultText = root.querySelector<HTMLElement>('[data-add-result-text]');
  const cartLink = root.querySelector<HTMLElement>('[data-add-result-link]');
  if (!productId || !button || !label || !input || !result || !resultText || !cartLink) return;

  const readyLabel = label.textContent ?? '';
  let available = Number(root.querySelector<HTMLElement>('[data-testid="stock"]')?.dataset.stock ?? '0');

  /** China does not let the product in this way (a 422 the built page did not foresee): nothing can be added, whatever the stock. */
  let notImportable = false;

  const quantity = () => clampQuantity(parseQuantity(input.value) ?? 1, available);
  const stopSelling = () => {
    notImportable = true;
    button.disabled = true;
    input.disabled = true;
    for (const step of steppers) step.disabled = true;
    if (stepper) stepper.hidden = true;
  };
  const setAvailable = (stock: number) => {
    if (notImportable) return;
    available = Math.max(0, stock);
    const soldOut = available === 0;
    button.disabled = soldOut;
    input.disabled = soldOut;
    for (const step of steppers) step.disabled = soldOut;
    if (stepper) stepper.hidden = soldOut;
    label.textContent = soldOut ? t('stock.out') : readyLabel;
    input.max = String(clampQuantity(available, available));
    if (!soldOut) input.value = String(quantity());
  };
  const say = (tone: 'ok' | 'warn' | 'bad', text: string, withLink: boolean) => {
    result.dataset.tone = tone;
    resultText.textContent = text;
    cartLink.hidden = !withLink;
    result.hidden = false;
  };

  root.addEventListener('sco:product-live', (event) => setAvailable((event as CustomEvent<LiveFacts>).detail.stock));
  for (const step of steppers) {
    step.addEventListener('click', () => {
      input.value = String(clampQuantity(quantity() + Number(step.dataset.step), available));
    });
  }
  input.addEventListener('change', () => {
    input.value = String(quantity());
  });

  button.addEventListener('click', async () => {
    if (button.disabled) return;
    const wanted = quantity();
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    label.textContent = t('buy.adding');
    const outcome = await addToCart(productId, wanted);
    button.removeAttribute('aria-busy');
    button.disabled = false;
    label.textContent = readyLabel;
    if (outcome.kind === 'not-importable') {
      say('bad', t(outcome.reason === 'no_hs_code' ? 'product.noHsCode' : 'product.notImportable'), false);
      stopSelling();
      return;
    }
    if (outcome.kind === 'added') {
      say('ok', t('buy.added', { title, n: wanted }), true);
      input.value = '1';
    } else if (outcome.kind === 'not-enough') {
      const note = notEnoughNote(outcome.available, outcome.inCart);
      say(note.tone, t(note.key, note.vars), outcome.inCart > 0);
      if (outcome.available === 0) setAvailable(0);
      else input.value = String(clampQuantity(outcome.available - outcome.inCart, available));
    } else {
      say('bad', t('buy.failed'), false);
    }
  });

  setAvailable(available);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-buy-box]')) wire(root);
