import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProduct } from '../fixtures/products.js';
import { startShop, type Shop } from '../support/shop.js';

const honey = aProduct({ sku: 'CART-HNY', stock: 5, price: { amount: 120_000, currency: 'KGS' } });
const jam = aProduct({ sku: 'CART-JAM', category: 'jam', stock: 8, price: { amount: 45_000, currency: 'KGS' } });
const chocolate = aProduct({ pavilion: 'RU', sku: 'CART-CHOC', stock: 3, price: { amount: 39_900, currency: 'RUB' } });
const archived = aProduct({ sku: 'CART-OLD', status: 'archived' });

let shop: Shop;

beforeAll(async () => {
  shop = await startShop({ products: [honey, jam, chocolate, archived] });
});
afterAll(async () => shop?.close());

describe('POST /api/carts', () => {
  it('starts an empty cart with an unguessable 128-bit id', async () => {
    const first = await shop.call('POST', '/api/carts');
    const second = await shop.call('POST', '/api/carts');
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second.body.id).not.toBe(first.body.id);
    expect(first.body).toMatchObject({ lines: [], itemCount: 0, subtotals: [], checkoutTotal: { total: { amount: 0, currency: 'CNY' }, rates: [] } });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const answer = await shop.call('POST', '/api/carts', 'lines=1', { 'content-type': 'text/plain' });
    expect(answer.status).toBe(415);
    expect(answer.type).toContain('application/problem+json');
  });
});

describe('PUT /api/carts/{id}/lines/{productId}', () => {
  it('shows each line with the catalogue’s current price, line total, titles, image and pavilion', async () => {
    const cartId = await shop.newCart();
    const answer = await shop.call('PUT', `/api/carts/${cartId}/lines/${honey.id}`, { quantity: 2 });
    expect(answer.status).toBe(200);
    expect(answer.body.lines).toEqual([
      {
        productId: honey.id,
        pavilion: 'KG',
        sku: 'CART-HNY',
        title: honey.title,
        unit: honey.unit,
        image: honey.images[0],
        quantity: 2,
        available: 5,
        unitPrice: { amount: 120_000, currency: 'KGS' },
        lineTotal: { amount: 240_000, currency: 'KGS' },
        status: 'ok',
      },
    ]);
    expect(answer.body.subtotals).toEqual([{ amount: 240_000, currency: 'KGS' }]);
    expect(answer.body.itemCount).toBe(2);
  });

  it('keeps one subtotal per currency and a checkout total in CNY at the recorded rates', async () => {
    const cartId = await shop.newCart({ [honey.id]: 1, [chocolate.id]: 2 });
    const { body } = await shop.call('GET', `/api/carts/${cartId}`);
    expect(body.subtotals).toEqual([
      { amount: 120_000, currency: 'KGS' },
      { amount: 79_800, currency: 'RUB' },
    ]);
    expect(body.checkoutTotal.total.currency).toBe('CNY');
    expect(body.checkoutTotal.rates.map((rate: any) => `${rate.from}->${rate.to}`)).toEqual(['KGS->CNY', 'RUB->CNY']);
    // 1200.00 KGS at 0.0812 = 97.44 CNY; 399.00 RUB at 0.0888 = 35.43 CNY (per unit, rounded half-up), twice.
    expect(body.checkoutTotal.goods).toEqual({ amount: 9_744 + 2 * 3_543, currency: 'CNY' });
    // Both lines are declared as honey (6.3%), taxed line by line: 6.13872 -> 6.14 and 4.46418 -> 4.46.
    expect(body.checkoutTotal.tax).toEqual({ amount: 614 + 446, currency: 'CNY' });
    expect(body.checkoutTotal.freight).toEqual({ amount: 0, currency: 'CNY' });
    expect(body.checkoutTotal.total.amount).toBe(9_744 + 2 * 3_543 + 614 + 446);
    expect(body.checkoutTotal.dutiableValue).toEqual({ amount: 9_744 + 2 * 3_543, currency: 'CNY' });
    const inUsd = await shop.call('GET', `/api/carts/${cartId}?currency=USD`);
    expect(inUsd.body.checkoutTotal.total.currency).toBe('USD');
  });

  it('changes a quantity in place and removes the line at 0', async () => {
    const cartId = await shop.newCart({ [honey.id]: 1, [jam.id]: 1 });
    const changed = await shop.call('PUT', `/api/carts/${cartId}/lines/${honey.id}`, { quantity: 3 });
    expect(changed.body.lines.map((line: any) => [line.productId, line.quantity])).toEqual([[honey.id, 3], [jam.id, 1]]);
    const removed = await shop.call('PUT', `/api/carts/${cartId}/lines/${honey.id}`, { quantity: 0 });
    expect(removed.status).toBe(200);
    expect(removed.body.lines.map((line: any) => line.productId)).toEqual([jam.id]);
  });

  it('answers 409 saying how many are left when more is asked than is in stock, and changes nothing', async () => {
    const cartId = await shop.newCart({ [honey.id]: 1 });
    const answer = await shop.call('PUT', `/api/carts/${cartId}/lines/${honey.id}`, { quantity: 6 });
    expect(answer.status).toBe(409);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ title: 'Not enough stock', detail: 'Only 5 left.', available: 5, requested: 6, productId: honey.id });
    const cart = await shop.call('GET', `/api/carts/${cartId}`);
    expect(cart.body.lines[0].quantity).toBe(1);
  });

  it('refuses an unknown or archived product with 404 and a malformed product id with 400', async () => {
    const cartId = await shop.newCart();
    expect((await shop.call('PUT', `/api/carts/${cartId}/lines/kg-no-such-thing`, { quantity: 1 })).status).toBe(404);
    expect((await shop.call('PUT', `/api/carts/${cartId}/lines/${archived.id}`, { quantity: 1 })).status).toBe(404);
    const malformed = await shop.call('PUT', `/api/carts/${cartId}/lines/NOT_AN_ID!`, { quantity: 1 });
    expect(malformed.status).toBe(400);
    expect((await shop.call('GET', `/api/carts/${cartId}`)).body.lines).toEqual([]);
  });

  it.each([
    ['a negative quantity', { quantity: -1 }],
    ['a fraction', { quantity: 1.5 }],
    ['a string', { quantity: '2' }],
    ['an absurd quantity', { quantity: 1_000_000_000 }],
    ['no quantity', {}],
    ['extra fields such as a price', { quantity: 1, unitPrice: 1 }],
  ])('refuses %s with 400 problem+json and leaves the cart as it was', async (_name, body) => {
    const cartId = await shop.newCart({ [jam.id]: 2 });
    const answer = await shop.call('PUT', `/api/carts/${cartId}/lines/${jam.id}`, body);
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.errors.length).toBeGreaterThan(0);
    expect((await shop.call('GET', `/api/carts/${cartId}`)).body.lines[0].quantity).toBe(2);
  });

  it('refuses a wrong content type with 415 and an oversized body with 413', async () => {
    const cartId = await shop.newCart();
    const typed = await shop.call('PUT', `/api/carts/${cartId}/lines/${jam.id}`, '{"quantity":1}', { 'content-type': 'text/plain' });
    expect(typed.status).toBe(415);
    const huge = await shop.call('PUT', `/api/carts/${cartId}/lines/${jam.id}`, JSON.stringify({ quantity: 1, pad: 'x'.repeat(5000) }));
    expect(huge.status).toBe(413);
    expect(huge.type).toContain('application/problem+json');
    expect((await shop.call('GET', `/api/carts/${cartId}`)).body.lines).toEqual([]);
  });

  it('shows an archived line as unavailable and leaves it out of the subtotals', async () => {
    const product = aProduct({ sku: 'CART-SOON-GONE', stock: 4 });
    await shop.deps.catalogue.putProducts([product]);
    const cartId = await shop.newCart({ [product.id]: 1, [jam.id]: 1 });
    await shop.deps.catalogue.putProducts([{ ...product, status: 'archived' }]);
    const { body } = await shop.call('GET', `/api/carts/${cartId}`);
    expect(body.lines.map((line: any) => [line.productId, line.status])).toEqual([[product.id, 'unavailable'], [jam.id, 'ok']]);
    expect(body.subtotals).toEqual([{ amount: 45_000, currency: 'KGS' }]);
    expect(body.itemCount).toBe(1);
  });
});

describe('a cart too large to pay in one payment', () => {
  // A legacy listing priced at the old ceiling (10,000,000,000.00 KGS): in UZS its totals pass Number.MAX_SAFE_INTEGER.
  const gold = aProduct({ sku: 'CART-GOLD', stock: 500, price: { amount: 1_000_000_000_000, currency: 'KGS' } });

  it('is shown with its figures held at the ceiling and payable false, never a server error', async () => {
    await shop.deps.catalogue.putProducts([gold]);
    const cartId = await shop.newCart({ [gold.id]: 70 });
    const answer = await shop.call('GET', `/api/carts/${cartId}?currency=UZS`);
    expect(answer.status).toBe(200);
    expect(answer.body.checkoutTotal).toMatchObject({
      total: { amount: 1_000_000_000_000, currency: 'UZS' },
      payable: false,
      reason: 'over_cross_border_limit',
      limit: { amount: 500_000, currency: 'CNY' },
    });
    const small = await shop.call('GET', `/api/carts/${await shop.newCart({ [jam.id]: 1 })}`);
    expect(small.body.checkoutTotal).toMatchObject({ payable: true });
    expect(small.body.checkoutTotal.reason).toBeUndefined();
  });

  it('says amount_too_large, with the most one payment carries, for a total within the cross-border limit that Stripe cannot take', async () => {
    // KGS 10,000.00 is about CNY 812, but more than 999,999.99 UZS.
    const carpet = aProduct({ sku: 'CART-CARPET', stock: 5, price: { amount: 1_000_000, currency: 'KGS' } });
    await shop.deps.catalogue.putProducts([carpet]);
    const cartId = await shop.newCart({ [carpet.id]: 1 });
    const inUzs = await shop.call('GET', `/api/carts/${cartId}?currency=UZS`);
    expect(inUzs.body.checkoutTotal).toMatchObject({ payable: false, reason: 'amount_too_large', maxAmount: { amount: 99_999_999, currency: 'UZS' } });
    expect(inUzs.body.checkoutTotal.limit).toBeUndefined();
    expect((await shop.call('GET', `/api/carts/${cartId}`)).body.checkoutTotal).toMatchObject({ payable: true });
  });

  it('answers a quantity change with the cart as saved, flagged not payable', async () => {
    await shop.deps.catalogue.putProducts([gold]);
    const cartId = await shop.newCart({ [gold.id]: 70 });
    const answer = await shop.call('PUT', `/api/carts/${cartId}/lines/${gold.id}?currency=UZS`, { quantity: 80 });
    expect(answer.status).toBe(200);
    expect(answer.body.lines[0].quantity).toBe(80);
    expect(answer.body.checkoutTotal.payable).toBe(false);
    expect((await shop.call('GET', `/api/carts/${cartId}`)).body.lines[0].quantity).toBe(80);
  });

  it('leaves the cart unchanged when working out the answer fails', async () => {
    const cartId = await shop.newCart({ [jam.id]: 1 });
    const getPavilions = shop.deps.catalogue.getPavilions.bind(shop.deps.catalogue);
    // The product is read and checked; pricing the answer then reads its pavilion's freight rates, which fails.
    shop.deps.catalogue.getPavilions = async () => {
      throw new Error('catalogue unavailable');
    };
    try {
      const answer = await shop.call('PUT', `/api/carts/${cartId}/lines/${jam.id}`, { quantity: 3 });
      expect(answer.status).toBe(500);
    } finally {
      shop.deps.catalogue.getPavilions = getPavilions;
    }
    expect((await shop.call('GET', `/api/carts/${cartId}`)).body.lines[0].quantity).toBe(1);
  });
});

describe('GET /api/carts/{id}', () => {
  it('answers 404 for an unknown cart and 400 for a malformed id', async () => {
    expect((await shop.call('GET', '/api/carts/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    const malformed = await shop.call('GET', '/api/carts/short');
    expect(malformed.status).toBe(400);
    expect(malformed.type).toContain('application/problem+json');
  });

  it('forgets a cart unused for 30 days even before DynamoDB’s TTL removes it, and counts a visit as use', async () => {
    const forgotten = await shop.newCart({ [jam.id]: 1 });
    const visited = await shop.newCart({ [jam.id]: 1 });
    try {
      shop.clock.offsetMs = 29 * 86_400_000;
      expect((await shop.call('GET', `/api/carts/${visited}`)).status).toBe(200);
      shop.clock.offsetMs = 31 * 86_400_000;
      expect((await shop.call('GET', `/api/carts/${forgotten}`)).status).toBe(404);
      shop.clock.offsetMs = 50 * 86_400_000;
      expect((await shop.call('GET', `/api/carts/${visited}`)).status).toBe(200);
    } finally {
      shop.clock.offsetMs = 0;
    }
  });
});

describe('a cart over China’s cross-border per-order limit (CNY 5,000)', () => {
  const tea = aProduct({ sku: 'CART-TEA', stock: 100, price: { amount: 120_000, currency: 'KGS' } });

  it('is not payable, with reason over_cross_border_limit and the limit in CNY, whatever checkout currency is asked', async () => {
    await shop.deps.catalogue.putProducts([tea]);
    // 52 x KGS 1,200.00 = 52 x CNY 97.44 = CNY 5,066.88.
    const cartId = await shop.newCart({ [tea.id]: 52 });
    for (const currency of ['CNY', 'USD', 'KGS', 'RUB']) {
      const { body } = await shop.call('GET', `/api/carts/${cartId}?currency=${currency}`);
      expect(body.checkoutTotal).toMatchObject({ payable: false, reason: 'over_cross_border_limit', limit: { amount: 500_000, currency: 'CNY' } });
      expect(body.checkoutTotal.total.currency).toBe(currency);
      expect(body.checkoutTotal.maxAmount).toBeUndefined();
    }
  });

  it('is payable again once the quantity brings it within the limit', async () => {
    await shop.deps.catalogue.putProducts([tea]);
    const cartId = await shop.newCart({ [tea.id]: 52 });
    // 51 x CNY 97.44 = CNY 4,969.44.
    const answer = await shop.call('PUT', `/api/carts/${cartId}/lines/${tea.id}`, { quantity: 51 });
    expect(answer.body.checkoutTotal).toMatchObject({ goods: { amount: 51 * 9_744, currency: 'CNY' }, dutiableValue: { amount: 51 * 9_744, currency: 'CNY' }, payable: true });
    expect(answer.body.checkoutTotal.reason).toBeUndefined();
  });
});
