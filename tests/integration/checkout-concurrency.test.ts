import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProduct } from '../fixtures/products.js';
import { startShop, type Shop } from '../support/shop.js';

let shop: Shop;

beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => shop?.close());

describe('checkout under concurrency', () => {
  it('never sells more than the stock when 200 shoppers check out one product at once', async () => {
    const product = aProduct({ sku: 'LAST-TEN', stock: 10 });
    await shop.deps.catalogue.putProducts([product]);
    // Each shopper put one unit in a cart while there was stock.
    const carts: string[] = [];
    for (let batch = 0; batch < 200; batch += 20) {
      carts.push(...(await Promise.all(Array.from({ length: 20 }, () => shop.newCart({ [product.id]: 1 })))));
    }

    const answers = await Promise.all(carts.map((cartId, index) => shop.checkout(cartId, { email: `shopper${index}@example.com` })));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(190);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.body.lines).toEqual([{ productId: product.id, requested: 1, available: 0, reason: 'short' }]);
    }
    expect(await shop.units(product.id)).toEqual({ stock: 0, reserved: 10, sold: 0 });
    const orderIds = answers.filter((answer) => answer.status === 201).map((answer) => answer.body.orderId);
    expect(new Set(orderIds).size).toBe(10);
    const sessionsForProduct = shop.stripe.sessions().filter((entry) => orderIds.includes(entry.session.metadata.orderId));
    expect(sessionsForProduct).toHaveLength(10);
    // 200 checkouts racing on DynamoDB Local: ~11 s alone, several times that beside the browser tests on two cores.
  }, 180_000);

  it('never lets two shoppers split the last units of a multi-line order', async () => {
    const a = aProduct({ stock: 3 });
    const b = aProduct({ stock: 3 });
    await shop.deps.catalogue.putProducts([a, b]);
    const carts = await Promise.all(Array.from({ length: 10 }, () => shop.newCart({ [a.id]: 2, [b.id]: 1 })));
    const answers = await Promise.all(carts.map((cartId) => shop.checkout(cartId)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(await shop.units(a.id)).toEqual({ stock: 1, reserved: 2, sold: 0 });
    expect(await shop.units(b.id)).toEqual({ stock: 2, reserved: 1, sold: 0 });
  });
});
