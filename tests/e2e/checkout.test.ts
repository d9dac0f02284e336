import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { YEARLY_LIMIT_CNY } from '../../functions/domain/cross-border.js';
import { formatMoney } from '../../functions/domain/money.js';
import { expectNoSeriousA11yViolations } from '../support/axe.js';
import { useStoreAndBrowser } from '../support/local-stack.js';

const env = useStoreAndBrowser();

/** Free units as the API reports them (stock the product page shows). */
async function liveStock(productId: string): Promise<number> {
  const response = await fetch(`${env.stack.url}/api/products/${productId}`);
  return ((await response.json()) as { stock: number }).stock;
}

async function shopperPage(locale: string): Promise<Page> {
  const context = await env.browser.newContext({ locale });
  return context.newPage();
}

async function openProduct(page: Page, lang: string, productId: string): Promise<void> {
  await page.goto(`${env.stack.url}/${lang}/products/${productId}/`);
  // The live-product island has read stock and price; add-to-cart now knows the stock too.
  await expect.poll(() => page.locator('[data-live-product]').getAttribute('data-live')).toBe('true');
}

async function addToCartAndOpenIt(page: Page, lang: string, quantity: number): Promise<void> {
  await page.locator('[data-testid="buy-quantity"]').fill(String(quantity));
  await page.locator('[data-testid="add-to-cart"]').click();
  await expect.poll(() => page.locator('[data-testid="add-result"]').getAttribute('data-tone')).toBe('ok');
  await expect.poll(() => page.locator('[data-testid="cart-count"]').textContent()).toBe(String(quantity));
  await page.locator('[data-testid="view-cart"]').click();
  await page.waitForURL(new RegExp(`/${lang}/cart/$`));
}

function expectTokenOnlyInFragment(href: string): void {
  const url = new URL(href);
  expect(url.search).not.toContain('token=');
  expect(url.hash).toMatch(/^#token=[A-Za-z0-9_-]{43}$/);
}

/** Who receives and who buys, as a shopper types them into the cart page's form. */
interface Shopper {
  readonly email: string;
  readonly name: string;
  readonly phone: string;
  /** Chosen from the lists by their Chinese names. */
  readonly province: string;
  readonly city: string;
  readonly district: string;
  readonly address: string;
  readonly postcode: string;
  readonly idNumber: string;
}

const QINGDAO_SHOPPER: Shopper = {
  email: 'shopper@example.com',
  name: '王芳',
  phone: '13800138000',
  province: '山东省',
  city: '青岛市',
  district: '市南区',
  address: '香港中路 8 号 3 单元 1201 室',
  postcode: '266071',
  idNumber: '11010519491231002X',
};

/**
 * Fills the recipient, the buyer (the recipient, ticked by default), the notice and the email; with
 * `remember`, ticks "remember the recipient on this device" (unticked by default).
 */
async function fillCheckoutForm(page: Page, shopper: Shopper, { remember = false } = {}): Promise<void> {
  const field = (testId: string) => page.locator(`[data-testid="${testId}"]`);
  await field('recipient-name').fill(shopper.name);
  await field('recipient-phone').fill(shopper.phone);
  // The lists arrive in their own chunk; each fills once the one above it is chosen.
  await expect.poll(() => field('recipient-province').isEnabled()).toBe(true);
  await field('recipient-province').selectOption({ label: shopper.province });
  await field('recipient-city').selectOption({ label: shopper.city });
  await field('recipient-district').selectOption({ label: shopper.district });
  await field('recipient-address').fill(shopper.address);
  await field('recipient-postcode').fill(shopper.postcode);
  expect(await field('remember-recipient').isChecked()).toBe(false);
  if (remember) await field('remember-recipient').check();
  expect(await field('buyer-is-recipient').isChecked()).toBe(true);
  await field('buyer-id-number').fill(shopper.idNumber);
  await field('notice-accepted').check();
  await field('checkout-email').fill(shopper.email);
}

async function checkOut(page: Page, shopper: Shopper = QINGDAO_SHOPPER, options: { remember?: boolean } = {}): Promise<void> {
  await fillCheckoutForm(page, shopper, options);
  await page.locator('[data-testid="checkout-submit"]').click();
  await page.waitForURL((url) => url.href.startsWith(`${env.stack.stripeUrl}/pay/`));
}

/** An amount the page shows, as the API gave it (data-amount, minor units). */
async function shownAmount(page: Page, testId: string): Promise<number> {
  return Number(await page.locator(`[data-testid="${testId}"]`).getAttribute('data-amount'));
}

/** Everything this tab's page keeps in the browser's storage, and its address. */
async function browserTraces(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dump = (storage: Storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`).join('\n');
    return [dump(localStorage), dump(sessionStorage), location.href, document.cookie].join('\n');
  });
}

it('lets a shopper buy honey from its product page, pay on the Stripe page and see the order paid, with the stock lower by what was bought', async () => {
  const honey = 'kg-hny-001';
  const stockBefore = await liveStock(honey);
  const page = await shopperPage('zh-CN');

  await openProduct(page, 'zh', honey);
  await addToCartAndOpenIt(page, 'zh', 2);

  const line = page.locator(`[data-testid="cart-line"][data-product-id="${honey}"]`);
  await expect.poll(() => line.locator('[data-testid="line-quantity"]').inputValue()).toBe('2');
  expect(await line.textContent()).toMatch(/伊塞克湖白蜜/);
  // Changing the quantity in the cart goes through the API and back into the header.
  await line.locator('[data-testid="line-quantity"]').fill('3');
  await line.locator('[data-testid="line-quantity"]').press('Enter');
  await expect.poll(() => page.locator('[data-testid="cart-count"]').textContent()).toBe('3');
  await line.locator('[data-step="-1"]').click();
  await expect.poll(() => page.locator('[data-testid="cart-count"]').textContent()).toBe('2');
  const total = page.locator('[data-testid="cart-total"]');
  expect(await total.getAttribute('data-currency')).toBe('CNY');
  expect(await total.textContent()).toMatch(/¥\s?[\d,]+\.\d\d/);
  await expectNoSeriousA11yViolations(page, 'the cart with a line');

  await checkOut(page);
  await page.locator('[data-testid="pay"]').click();
  await page.waitForURL((url) => url.pathname === '/zh/order/' && /^ORD-[0-9A-Z]{16}$/.test(url.searchParams.get('id') ?? ''));
  // The token rides in the fragment, never the query: CloudFront's access logs keep query strings.
  expectTokenOnlyInFragment(page.url());
  await expect.poll(() => page.locator('[data-testid="order-status"]').getAttribute('data-status'), { timeout: 20_000 }).toBe('paid');
  expect(await page.locator('[data-testid="order-line"]').count()).toBe(1);
  await expectNoSeriousA11yViolations(page, 'the paid order');
  // Switching language keeps the order in view, still without the token in the query.
  await page.locator('[data-testid="language-switch"] a[data-lang="en"]').first().click();
  await page.waitForURL((url) => url.pathname === '/en/order/');
  expectTokenOnlyInFragment(page.url());
  await expect.poll(() => page.locator('[data-testid="order-status"]').getAttribute('data-status')).toBe('paid');
  // The paid order took the cart with it.
  await expect.poll(() => page.locator('[data-testid="cart-count"]').isHidden()).toBe(true);

  expect(await liveStock(honey)).toBe(stockBefore - 2);
  await openProduct(page, 'zh', honey);
  expect(await page.locator('[data-testid="stock"]').getAttribute('data-stock')).toBe(String(stockBefore - 2));
  await page.context().close();
});

it('says how many are left when a shopper asks for more, and brings them back to the cart with the line still there when they cancel on the Stripe page', async () => {
  const chocolate = 'ru-swt-001';
  const page = await shopperPage('ru-RU');
  await openProduct(page, 'ru', chocolate);
  await addToCartAndOpenIt(page, 'ru', 1);

  const line = page.locator(`[data-testid="cart-line"][data-product-id="${chocolate}"]`);
  await line.locator('[data-testid="line-quantity"]').fill('999');
  await line.locator('[data-testid="line-quantity"]').press('Enter');
  const available = await liveStock(chocolate);
  await expect.poll(() => line.locator('[data-testid="line-note"]').textContent()).toContain(`осталось только ${available} шт.`);
  expect(await line.locator('[data-testid="line-quantity"]').inputValue()).toBe('1');

  // Asked to, the device remembers the recipient for next time.
  await checkOut(page, { ...QINGDAO_SHOPPER, idNumber: '440524188001010014' }, { remember: true });
  await page.locator('[data-testid="cancel"]').click();
  await page.waitForURL(/\/ru\/cart\/$/);
  await expect.poll(() => page.locator('[data-testid="cart-notice"]').isVisible()).toBe(true);
  expect(await page.locator('[data-testid="cart-notice"]').textContent()).toMatch(/деньги не списаны/);
  await expect.poll(() => line.locator('[data-testid="line-quantity"]').inputValue()).toBe('1');
  expect(await page.locator('[data-testid="checkout-email"]').inputValue()).toBe('shopper@example.com');
  // Back from the payment page, the recipient is there again; the ID number, never kept, is not.
  await page.reload();
  await expect.poll(() => page.locator('[data-testid="recipient-district"]').inputValue()).toBe('370202');
  expect(await page.locator('[data-testid="recipient-name"]').inputValue()).toBe('王芳');
  expect(await page.locator('[data-testid="buyer-id-number"]').inputValue()).toBe('');
  expect(await page.locator('[data-testid="remember-recipient"]').isChecked()).toBe(true);
  expect(await browserTraces(page)).not.toContain('440524188001010014');
  await page.context().close();
});

it('says beside each field what is wrong, in the shopper’s language, and focuses the first one', async () => {
  const page = await shopperPage('en-GB');
  await openProduct(page, 'en', 'kg-hny-001');
  await addToCartAndOpenIt(page, 'en', 1);

  await page.locator('[data-testid="checkout-submit"]').click();
  expect(await page.locator('[data-error-for="recipient.name"]').textContent()).toBe('Fill this in.');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('recipient-name');
  expect(await page.locator('[data-error-for="noticeAccepted"]').isVisible()).toBe(true);
  expect(await page.locator('[data-testid="checkout-error"]').textContent()).toBe('Check the marked fields.');
  await expectNoSeriousA11yViolations(page, 'the cart with its fields marked wrong');

  // The browser checks the ID number by the server's rule: the same number with its last character changed fails.
  await fillCheckoutForm(page, { ...QINGDAO_SHOPPER, idNumber: '110105194912310021' });
  await page.locator('[data-testid="checkout-submit"]').click();
  expect(await page.locator('[data-error-for="buyer.idNumber"]').textContent()).toMatch(/last character does not match/);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('buyer-id-number');
  expect(await page.locator('[data-testid="recipient-name"]').getAttribute('aria-invalid')).toBeNull();

  // A phone that is not a mainland mobile is named by the server's own rule, before asking it.
  await page.locator('[data-testid="buyer-id-number"]').fill(QINGDAO_SHOPPER.idNumber);
  await page.locator('[data-testid="recipient-phone"]').fill('23800138000');
  await page.locator('[data-testid="checkout-submit"]').click();
  await expect.poll(() => page.locator('[data-error-for="recipient.phone"]').textContent()).toBe('Enter a mainland mobile number: 11 digits starting with 1.');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('recipient-phone');

  // What only the server refuses (an email whose domain starts with a dash) comes back beside its field.
  await page.locator('[data-testid="recipient-phone"]').fill(QINGDAO_SHOPPER.phone);
  await page.locator('[data-testid="checkout-email"]').fill('shopper@-example.com');
  const refused = page.waitForResponse((response) => response.url().endsWith('/api/checkout'));
  await page.locator('[data-testid="checkout-submit"]').click();
  expect((await refused).status()).toBe(400);
  await expect.poll(() => page.locator('[data-error-for="email"]').textContent()).toBe('Enter an email address such as name@example.com.');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('checkout-email');
  expect(page.url()).toBe(`${env.stack.url}/en/cart/`);
  await page.context().close();
});

it('lets a zh shopper in Qingdao fill in recipient and buyer, see freight and tax before paying, and the Kyrgyz manager see where to ship', async () => {
  // Sainfoin honey goes by rail from Kyrgyzstan: it pays freight, and 6.3% import tax (9% VAT × 70%).
  const honey = 'kg-hny-002';
  const page = await shopperPage('zh-CN');
  await openProduct(page, 'zh', honey);
  expect(await page.locator('.tax-note').textContent()).toContain('付款前');
  await addToCartAndOpenIt(page, 'zh', 2);

  await expect.poll(() => page.locator('[data-testid="cart-freight"]').getAttribute('data-amount')).not.toBeNull();
  const goods = await shownAmount(page, 'cart-goods');
  const freight = await shownAmount(page, 'cart-freight');
  const tax = await shownAmount(page, 'cart-tax');
  const total = await shownAmount(page, 'cart-total');
  expect(freight).toBeGreaterThan(0);
  expect(tax).toBeGreaterThan(0);
  expect(total).toBe(goods + freight + tax);
  // The page shows the API's figures as they are.
  const cartId = await page.evaluate(() => /cart_id=([\w-]+)/.exec(document.cookie)?.[1] ?? '');
  const cart = await (await fetch(`${env.stack.url}/api/carts/${cartId}?currency=CNY`)).json();
  expect([goods, freight, tax, total]).toEqual([cart.checkoutTotal.goods.amount, cart.checkoutTotal.freight.amount, cart.checkoutTotal.tax.amount, cart.checkoutTotal.total.amount]);
  expect(await page.locator('[data-testid="cart-tax"]').textContent()).toMatch(/¥\s?[\d,]+\.\d\d/);
  // China's limits as the domain sets them, in the page's money format.
  expect(await page.locator('[data-testid="limits-note"]').textContent()).toContain(formatMoney(YEARLY_LIMIT_CNY, 'zh-CN'));
  expect(await page.locator('[data-testid="buyer-id-number"]').getAttribute('autocomplete')).toBe('off');

  await checkOut(page, { ...QINGDAO_SHOPPER, idNumber: '34052419800101001X' });
  expect(await browserTraces(page)).not.toContain('34052419800101001X');
  await page.locator('[data-testid="pay"]').click();
  await page.waitForURL((url) => url.pathname === '/zh/order/');
  await expect.poll(() => page.locator('[data-testid="order-status"]').getAttribute('data-status'), { timeout: 20_000 }).toBe('paid');
  expect(await shownAmount(page, 'order-freight')).toBe(freight);
  expect(await shownAmount(page, 'order-tax')).toBe(tax);
  expect(await shownAmount(page, 'order-total')).toBe(total);
  const recipient = page.locator('[data-testid="order-recipient"]');
  expect(await recipient.textContent()).toContain('王芳');
  expect(await recipient.textContent()).toContain('山东省青岛市市南区');
  expect(await recipient.textContent()).toContain('香港中路 8 号 3 单元 1201 室');
  expect(await page.locator('[data-testid="order-buyer-id"]').textContent()).toContain('340***********001X');
  // The ID number is in no storage, no address, no cookie of the shopper's browser, and not in the page.
  const traces = await browserTraces(page);
  expect(traces).not.toContain('34052419800101001X');
  expect(await page.content()).not.toContain('34052419800101001X');
  const orderId = new URL(page.url()).searchParams.get('id');
  await page.context().close();

  const manager = await signInAsKyrgyzManager();
  await manager.goto(`${env.stack.url}/pavilion/orders/`);
  await manager.locator('body[data-state="ready"]').waitFor();
  const row = manager.locator(`[data-testid="orders"] tr[data-line="${orderId}/1"]`);
  await row.waitFor();
  expect(await row.locator('[data-recipient]').textContent()).toBe('王芳');
  expect(await row.locator('[data-phone]').textContent()).toBe('13800138000');
  expect(await row.locator('[data-address]').textContent()).toBe('山东省青岛市市南区香港中路 8 号 3 单元 1201 室');
  expect(await row.locator('[data-postcode]').textContent()).toBe('266071');
  expect(await row.locator('[data-buyer-id]').textContent()).toBe('340***********001X');
  await manager.context().close();
});

/** The Kyrgyz manager, signed in through the local token issuer's page as in the workspace tests. */
async function signInAsKyrgyzManager(): Promise<Page> {
  const page = await (await env.browser.newContext({ locale: 'en-GB' })).newPage();
  await page.goto(`${env.stack.url}/pavilion/`);
  // Only once the link carries this tab's state, nonce and PKCE challenge (the bare link is refused).
  await page.locator('body[data-state="signed-out"]').waitFor();
  await page.locator('[data-signin-link]').click();
  await page.locator('form:has(input[name="pavilion"][value="KG"]) button').click();
  await page.locator('body[data-state="ready"]').waitFor();
  return page;
}
