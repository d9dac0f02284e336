import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProduct } from '../fixtures/products.js';
import { checkoutDetails, eventually, PUBLIC_BASE_URL, startShop, type Shop } from '../support/shop.js';

let shop: Shop;

beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => shop?.close());

async function stocked(overrides: Parameters<typeof aProduct>[0] = {}) {
  const product = aProduct({ stock: 10, ...overrides });
  await shop.deps.catalogue.putProducts([product]);
  return product;
}

function sessionFor(checkoutUrl: string) {
  const id = checkoutUrl.split('/pay/')[1];
  const found = shop.stripe.sessions().find((entry) => entry.session.id === id);
  if (!found) throw new Error(`no session ${id}`);
  return found;
}

describe('POST /api/checkout', () => {
  it('reserves the stock, records a pending order and opens a Stripe session in CNY priced from the catalogue', async () => {
    const honey = await stocked({ price: { amount: 120_000, currency: 'KGS' } });
    const cartId = await shop.newCart({ [honey.id]: 3 });
    const answer = await shop.checkout(cartId, { language: 'ru', email: 'shopper@example.com' });
    expect(answer.status).toBe(201);
    expect(answer.body.orderId).toMatch(/^ORD-[0-9A-Z]{16}$/);
    // Goods 3 x CNY 97.44 = 292.32; honey pays 6.3% import tax: 18.41616, rounded half-up to 18.42.
    // A bonded-warehouse pavilion without rates of its own ships free.
    expect(answer.body.total).toEqual({ amount: 29_232 + 1_842, currency: 'CNY' });
    expect(await shop.units(honey.id)).toEqual({ stock: 7, reserved: 3, sold: 0 });

    const { session, lines } = sessionFor(answer.body.checkoutUrl);
    expect(lines).toEqual([
      { name: honey.title.ru, quantity: 3, unit_amount: 9_744, currency: 'cny' },
      { name: 'Импортный налог (трансграничная торговля)', quantity: 1, unit_amount: 1_842, currency: 'cny' },
    ]);
    expect(session.amount_total).toBe(29_232 + 1_842);
    expect(session.metadata).toEqual({ orderId: answer.body.orderId });
    expect(session.client_reference_id).toBe(answer.body.orderId);
    expect(session.customer_email).toBe('shopper@example.com');
    expect(session.payment_method_types).toEqual(['card', 'alipay', 'wechat_pay']);
    expect(session.payment_method_options).toEqual({ wechat_pay: { client: 'web' } });
    expect(session.locale).toBe('ru');
    // The token in the fragment: it never reaches CloudFront, so its access logs never hold it.
    expect(session.success_url).toBe(`${PUBLIC_BASE_URL}/ru/order/?id=${answer.body.orderId}#token=${answer.body.orderToken}`);
    expect(session.cancel_url).toBe(`${PUBLIC_BASE_URL}/ru/cart/`);

    const { order, lines: orderLines } = await shop.order(answer.body.orderId);
    expect(order).toMatchObject({
      status: 'pending_payment', currency: 'CNY', paymentSessionId: session.id, cartId,
      total: { amount: 31_074, currency: 'CNY' }, goods: { amount: 29_232, currency: 'CNY' },
      freight: { amount: 0, currency: 'CNY' }, tax: { amount: 1_842, currency: 'CNY' },
      customs: { dutiableValue: { amount: 29_232, currency: 'CNY' }, tax: { amount: 1_842, currency: 'CNY' } },
    });
    expect(order.rates).toEqual([expect.objectContaining({ from: 'KGS', to: 'CNY' })]);
    expect(order.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(order)).not.toContain(answer.body.orderToken);
    expect(Date.parse(order.expiresAt) - Date.parse(order.createdAt)).toBe(30 * 60_000);
    expect(orderLines).toEqual([
      expect.objectContaining({
        lineNo: 1, productId: honey.id, pavilion: 'KG', sku: honey.sku, quantity: 3, fulfilment: 'awaiting_payment',
        unitPrice: { amount: 120_000, currency: 'KGS' }, chargedUnitPrice: { amount: 9_744, currency: 'CNY' },
      }),
    ]);
  });

  it('ignores any price, total or currency the client sends: Stripe gets the catalogue amount', async () => {
    const honey = await stocked({ price: { amount: 120_000, currency: 'KGS' } });
    const cartId = await shop.newCart({ [honey.id]: 1 });
    const answer = await shop.checkout(cartId, {
      amount: 1, total: { amount: 1, currency: 'CNY' }, unitPrice: 1, price: { amount: 1, currency: 'KGS' },
      lines: [{ productId: honey.id, quantity: 1, unitPrice: { amount: 1, currency: 'CNY' } }],
    });
    expect(answer.status).toBe(201);
    const { session, lines } = sessionFor(answer.body.checkoutUrl);
    // CNY 97.44 of honey and its 6.3% tax (6.13872, so 6.14).
    expect(session.amount_total).toBe(9_744 + 614);
    expect(lines[0]!.unit_amount).toBe(9_744);
  });

  it('charges in the currency asked for and offers only the methods that currency allows', async () => {
    const honey = await stocked({ price: { amount: 120_000, currency: 'KGS' } });
    const cartId = await shop.newCart({ [honey.id]: 1 });
    const answer = await shop.checkout(cartId, { currency: 'RUB' });
    expect(answer.status).toBe(201);
    const { session } = sessionFor(answer.body.checkoutUrl);
    expect(session.currency).toBe('rub');
    expect(session.payment_method_types).toEqual(['card']);
    expect(session.payment_method_options).toEqual({});
  });

  it('reserves nothing when one line of several is short, and names that line', async () => {
    const plenty = await stocked({ stock: 10 });
    const scarce = await stocked({ stock: 2 });
    const cartId = await shop.newCart({ [plenty.id]: 4, [scarce.id]: 2 });
    // Someone else buys one of the scarce units after it went into this cart.
    const rival = await shop.newCart({ [scarce.id]: 1 });
    expect((await shop.checkout(rival)).status).toBe(201);

    const sessionsBefore = shop.stripe.sessions().length;
    const answer = await shop.checkout(cartId);
    expect(answer.status).toBe(409);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.lines).toEqual([{ productId: scarce.id, requested: 2, available: 1, reason: 'short' }]);
    expect(await shop.units(plenty.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect(await shop.units(scarce.id)).toEqual({ stock: 1, reserved: 1, sold: 0 });
    expect(shop.stripe.sessions()).toHaveLength(sessionsBefore);
  });

  it('reserves nothing for a line that was archived after it went into the cart', async () => {
    const fine = await stocked();
    const retired = await stocked();
    const cartId = await shop.newCart({ [fine.id]: 1, [retired.id]: 1 });
    await shop.deps.catalogue.putProducts([{ ...retired, status: 'archived' }]);
    const answer = await shop.checkout(cartId);
    expect(answer.status).toBe(409);
    expect(answer.body.lines).toEqual([{ productId: retired.id, requested: 1, available: 0, reason: 'unavailable', unavailableReason: 'archived' }]);
    expect(await shop.units(fine.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
  });

  it('charges the new price when the pavilion changed it between cart and checkout', async () => {
    const honey = await stocked({ price: { amount: 100_000, currency: 'KGS' } });
    const cartId = await shop.newCart({ [honey.id]: 1 });
    await shop.deps.catalogue.putProducts([{ ...honey, price: { amount: 200_000, currency: 'KGS' }, version: honey.version + 1 }]);
    const answer = await shop.checkout(cartId);
    expect(answer.status).toBe(201);
    // CNY 162.40 of honey and its 6.3% tax (10.2312, so 10.23).
    expect(sessionFor(answer.body.checkoutUrl).session.amount_total).toBe(16_240 + 1_023);
  });

  it('releases the reservation and answers 502 when Stripe fails', async () => {
    const honey = await stocked();
    const cartId = await shop.newCart({ [honey.id]: 2 });
    shop.stripe.failSessionCreation(1);
    const answer = await shop.checkout(cartId);
    expect(answer.status).toBe(502);
    expect(answer.body.reason).toBe('provider_failed');
    expect(answer.type).toContain('application/problem+json');
    expect(await shop.units(honey.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    // The cart is untouched: the shopper can simply try again.
    const retry = await shop.checkout(cartId);
    expect(retry.status).toBe(201);
    expect(await shop.units(honey.id)).toEqual({ stock: 8, reserved: 2, sold: 0 });
  });

  it('lets a shopper who left Stripe’s page check the same cart out again: the earlier order is released once and its session closed', async () => {
    const honey = await stocked({ stock: 10 });
    const cartId = await shop.newCart({ [honey.id]: 5 });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await shop.checkout(cartId));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(await shop.units(honey.id)).toEqual({ stock: 5, reserved: 5, sold: 0 });

    const [first, second, latest] = answers.map((answer) => answer.body);
    for (const earlier of [first, second]) {
      expect((await shop.order(earlier.orderId)).order).toMatchObject({ status: 'expired', note: 'released by a new checkout of the same cart' });
      expect(sessionFor(earlier.checkoutUrl).session.status).toBe('expired');
    }
    expect((await shop.order(latest.orderId)).order.status).toBe('pending_payment');
    expect(sessionFor(latest.checkoutUrl).session.status).toBe('open');
    // Stripe's checkout.session.expired events for the closed sessions arrive too and release nothing twice.
    const closed = [first, second].map((earlier) => earlier.checkoutUrl.split('/pay/')[1]);
    await eventually(
      async () => shop.stripe.deliveries.filter((record) => closed.includes(record.event.data.object.id)),
      (records) => records.length === 2 && records.every((record) => record.delivered),
    );
    expect(await shop.units(honey.id)).toEqual({ stock: 5, reserved: 5, sold: 0 });
  });

  it('never lets two checkouts of one cart hold stock at once, however many run together', async () => {
    const honey = await stocked({ stock: 10 });
    const cartId = await shop.newCart({ [honey.id]: 5 });
    // Started a few milliseconds apart, so some read the cart before an order is placed, some while its session is made, some after.
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => new Promise((resolve) => setTimeout(resolve, i * 15)).then(() => shop.checkout(cartId))),
    );
    for (const answer of answers) if (answer.status !== 201) expect(answer.body).toMatchObject({ status: 409, reason: 'checkout_in_progress' });
    const placed = answers.filter((answer) => answer.status === 201).map((answer) => answer.body);
    expect(placed.length).toBeGreaterThanOrEqual(1);
    const statuses = await Promise.all(placed.map(async (body) => (await shop.order(body.orderId)).order.status));
    expect(statuses.filter((status) => status === 'pending_payment')).toHaveLength(1);
    // Every other order it answered with was released, and its session can no longer be paid.
    for (const [index, body] of placed.entries()) {
      if (statuses[index] !== 'pending_payment') expect(sessionFor(body.checkoutUrl).session.status).toBe('expired');
    }
    expect(await shop.units(honey.id)).toEqual({ stock: 5, reserved: 5, sold: 0 });
  });

  it('closes the session of a checkout overtaken by a newer one of the same cart while that session was being made, and answers it 409', async () => {
    const honey = await stocked({ stock: 10 });
    const cartId = await shop.newCart({ [honey.id]: 5 });
    const payments = shop.deps.payments;
    const create = payments.createCheckoutSession.bind(payments);
    let overtaken!: () => void;
    const newerDone = new Promise<void>((resolve) => (overtaken = resolve));
    let calls = 0;
    let olderOrderId = '';
    // The first checkout's session is made only after the second checkout has finished.
    payments.createCheckoutSession = async (request) => {
      calls += 1;
      if (calls === 1) {
        olderOrderId = request.orderId;
        await newerDone;
      }
      return create(request);
    };
    try {
      const older = shop.checkout(cartId);
      await eventually(async () => calls, (count) => count === 1);
      const newer = await shop.checkout(cartId);
      overtaken();
      expect(newer.status).toBe(201);
      const answer = await older;
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ title: 'This cart is being checked out already', reason: 'checkout_in_progress' });
    } finally {
      payments.createCheckoutSession = create;
    }
    const olderSession = shop.stripe.sessions().find((entry) => entry.session.metadata.orderId === olderOrderId);
    expect(olderSession?.session.status).toBe('expired');
    expect((await shop.order(olderOrderId)).order.status).toBe('expired');
    expect(await shop.units(honey.id)).toEqual({ stock: 5, reserved: 5, sold: 0 });
  });

  it('refuses a new checkout of a cart whose earlier checkout was paid at Stripe, keeping that order’s units', async () => {
    const honey = await stocked({ stock: 10 });
    const cartId = await shop.newCart({ [honey.id]: 4 });
    const first = await shop.checkout(cartId);
    const sessionId = first.body.checkoutUrl.split('/pay/')[1];
    // Paid at Stripe, but the webhook has not got through yet.
    const apply = shop.deps.orders.apply.bind(shop.deps.orders);
    shop.deps.orders.apply = async () => {
      throw new Error('webhook endpoint down');
    };
    let eventId: string;
    try {
      eventId = (await shop.stripe.pay(sessionId)).event.id;
      const again = await shop.checkout(cartId);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ title: 'This cart has been paid for', reason: 'earlier_checkout_paid' });
      expect(await shop.units(honey.id)).toEqual({ stock: 6, reserved: 4, sold: 0 });
    } finally {
      shop.deps.orders.apply = apply;
    }
    expect(await shop.stripe.resend(eventId)).toBe(200);
    expect((await shop.order(first.body.orderId)).order.status).toBe('paid');
    expect(await shop.units(honey.id)).toEqual({ stock: 6, reserved: 0, sold: 4 });
  });

  it('answers 422 with Stripe’s reason, emails masked, when Stripe refuses the request, and releases the reservation', async () => {
    const honey = await stocked();
    const cartId = await shop.newCart({ [honey.id]: 2 });
    shop.stripe.refuseSessionCreation('Invalid email address: shopper@example.com', 'customer_email');
    const answer = await shop.checkout(cartId);
    expect(answer.status).toBe(422);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ title: 'The payment provider refused this checkout', reason: 'provider_refused' });
    expect(answer.body.detail).toContain('Invalid email address: [email]');
    expect(JSON.stringify(answer.body)).not.toContain('shopper@example.com');
    expect(await shop.units(honey.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
    expect((await shop.checkout(cartId)).status).toBe(201);
  });

  it('answers 404 for an unknown cart and 409 for an empty one', async () => {
    expect((await shop.checkout('AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    const empty = await shop.newCart();
    const answer = await shop.checkout(empty);
    expect(answer.status).toBe(409);
    expect(answer.body.title).toBe('The cart is empty');
  });

  it('refuses a total Stripe cannot take in one payment with 422, reserving nothing', async () => {
    // KGS 10,000.00 is about CNY 812, within the cross-border limit, but more than 999,999.99 UZS.
    const carpet = await stocked({ stock: 5, price: { amount: 1_000_000, currency: 'KGS' } });
    const cartId = await shop.newCart({ [carpet.id]: 1 });
    const answer = await shop.checkout(cartId, { currency: 'UZS' });
    expect(answer.status).toBe(422);
    expect(answer.body.reason).toBe('amount_too_large');
    expect(await shop.units(carpet.id)).toEqual({ stock: 5, reserved: 0, sold: 0 });
  });

  it('refuses a line whose unit would be charged nothing in the charge currency with 422 naming it, reserving nothing; the cart says so first', async () => {
    // UZS 0.05 is about CNY 0.00003: less than a fen, so it would go for free.
    const sweet = await stocked({ stock: 5, price: { amount: 5, currency: 'UZS' } });
    const honey = await stocked({ stock: 5, price: { amount: 120_000, currency: 'KGS' } });
    const cartId = await shop.newCart({ [sweet.id]: 3, [honey.id]: 1 });
    const cart = await shop.call('GET', `/api/carts/${cartId}`);
    expect(cart.body.checkoutTotal).toMatchObject({ payable: false, reason: 'charge_rounds_to_zero', productIds: [sweet.id] });
    const answer = await shop.checkout(cartId);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ reason: 'charge_rounds_to_zero', productIds: [sweet.id] });
    expect(await shop.units(sweet.id)).toEqual({ stock: 5, reserved: 0, sold: 0 });
    expect(await shop.units(honey.id)).toEqual({ stock: 5, reserved: 0, sold: 0 });
  });

  it('refuses an order over China’s cross-border limit of CNY 5,000 with 422, in any currency, reserving nothing', async () => {
    // 52 x KGS 1,200.00 = 52 x CNY 97.44 = CNY 5,066.88; 51 of them (CNY 4,969.44) would pass.
    const honey = await stocked({ stock: 60, price: { amount: 120_000, currency: 'KGS' } });
    const cartId = await shop.newCart({ [honey.id]: 52 });
    const sessionsBefore = shop.stripe.sessions().length;
    const refusedBefore = shop.telemetry.total('CheckoutRefused');
    for (const currency of ['CNY', 'USD', 'KGS']) {
      const answer = await shop.checkout(cartId, { currency, language: 'en' });
      expect(answer.status).toBe(422);
      expect(answer.type).toContain('application/problem+json');
      expect(answer.body).toMatchObject({
        reason: 'over_cross_border_limit',
        limit: { amount: 500_000, currency: 'CNY' },
        value: { amount: 52 * 9_744, currency: 'CNY' },
        remaining: { amount: 500_000, currency: 'CNY' },
      });
      expect(answer.body.detail).toContain('CN¥5,066.88');
    }
    expect(await shop.units(honey.id)).toEqual({ stock: 60, reserved: 0, sold: 0 });
    expect(shop.stripe.sessions()).toHaveLength(sessionsBefore);
    expect(shop.telemetry.total('CheckoutRefused')).toBe(refusedBefore + 3);
    expect(shop.telemetry.logs.at(-1)).toMatchObject({ message: 'checkout refused', fields: { reason: 'over_cross_border_limit', amount: 52 * 9_744, currency: 'CNY' } });
    const inChinese = await shop.checkout(cartId);
    expect(inChinese.body.title).toBe('订单超过跨境电商单次交易限值');
    expect(inChinese.body.detail).toContain('¥5,066.88');

    await shop.call('PUT', `/api/carts/${cartId}/lines/${honey.id}`, { quantity: 51 });
    expect((await shop.checkout(cartId)).status).toBe(201);
  });

  it('refuses with 422 a total whose figures pass the safe-integer range, reserving nothing', async () => {
    const legacy = await stocked({ stock: 500, price: { amount: 1_000_000_000_000, currency: 'KGS' } });
    const cartId = await shop.newCart({ [legacy.id]: 70 });
    const answer = await shop.checkout(cartId, { currency: 'UZS' });
    expect(answer.status).toBe(422);
    expect(answer.type).toContain('application/problem+json');
    expect(await shop.units(legacy.id)).toEqual({ stock: 500, reserved: 0, sold: 0 });
  });

  it.each([
    ['a malformed cart id', { cartId: 'nope', email: 'a@b.cn' }],
    ['a missing email', { cartId: 'AAAAAAAAAAAAAAAAAAAAAA', email: undefined }],
    ['a malformed email', { cartId: 'AAAAAAAAAAAAAAAAAAAAAA', email: 'not-an-email' }],
    ['an unknown currency', { cartId: 'AAAAAAAAAAAAAAAAAAAAAA', email: 'a@b.cn', currency: 'IRR' }],
    ['an unknown language', { cartId: 'AAAAAAAAAAAAAAAAAAAAAA', email: 'a@b.cn', language: 'fr' }],
  ])('refuses %s with 400 problem+json', async (_name, body) => {
    const answer = await shop.call('POST', '/api/checkout', { ...checkoutDetails(), ...body });
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
  });

  it('refuses a wrong content type (415), an oversized body (413) and broken JSON (400), reserving nothing', async () => {
    const honey = await stocked();
    const cartId = await shop.newCart({ [honey.id]: 1 });
    const body = JSON.stringify({ cartId, email: 'a@b.cn' });
    expect((await shop.call('POST', '/api/checkout', body, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await shop.call('POST', '/api/checkout', JSON.stringify({ cartId, email: 'a@b.cn', pad: 'x'.repeat(10_000) }))).status).toBe(413);
    const broken = await shop.call('POST', '/api/checkout', '{"cartId":');
    expect(broken.status).toBe(400);
    expect(broken.type).toContain('application/problem+json');
    expect(await shop.units(honey.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
  });
});
