import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUMER_NOTICE_VERSION } from '../../functions/domain/consumer-notice.js';
import { customsYear } from '../../functions/domain/cross-border.js';
import { sweepExpiredOrders } from '../../functions/usecases/sweep-expired-orders.js';
import { aPavilion, aProduct } from '../fixtures/products.js';
import { checkoutDetails, newResidentId, startShop, type Shop } from '../support/shop.js';

let shop: Shop;

// Kyrgyz honey (CNY 97.44, 6.3%) from the bonded warehouse; Kyrgyz jam (CNY 40.60, 9.1%) by rail.
const honey = aProduct({ sku: 'XB-HONEY', stock: 1_000, price: { amount: 120_000, currency: 'KGS' }, weightGrams: 500, hsCode: '0409000000' });
const jam = aProduct({
  sku: 'XB-JAM', stock: 100, price: { amount: 50_000, currency: 'KGS' }, weightGrams: 450, hsCode: '2007999000',
  category: 'jam', fulfilment: { mode: 'direct_rail', leadTimeDays: 12 },
});
const kyrgyzstan = aPavilion({
  freightRates: {
    bonded_warehouse: { firstKg: { amount: 0, currency: 'CNY' }, extraKg: { amount: 0, currency: 'CNY' } },
    direct_rail: { firstKg: { amount: 2_800, currency: 'CNY' }, extraKg: { amount: 1_200, currency: 'CNY' } },
    direct_air: { firstKg: { amount: 6_800, currency: 'CNY' }, extraKg: { amount: 3_000, currency: 'CNY' } },
  },
});

beforeAll(async () => {
  shop = await startShop({ pavilions: [kyrgyzstan, aPavilion({ code: 'RU', currency: 'RUB' })], products: [honey, jam] });
});
afterAll(async () => shop?.close());

function sessionFor(checkoutUrl: string) {
  const id = checkoutUrl.split('/pay/')[1];
  const found = shop.stripe.sessions().find((entry) => entry.session.id === id);
  if (!found) throw new Error(`no session ${id}`);
  return found;
}

async function countedFor(idNumber: string) {
  const buyerKey = await shop.deps.identity.buyerKey(idNumber);
  return (await shop.deps.orders.countedInYear(buyerKey, customsYear(shop.clock.now().toISOString()))).amount;
}

describe('freight and import tax, before paying and at the payment', () => {
  it('shows goods, freight by the pavilion’s rates, tax and their total in the cart, and charges exactly that', async () => {
    const cartId = await shop.newCart({ [honey.id]: 2, [jam.id]: 3 });
    const cart = await shop.call('GET', `/api/carts/${cartId}?currency=CNY`);
    // Honey 2 x 97.44 = 194.88, free from the bonded warehouse, 6.3%: 12.27744 -> 12.28.
    // Jam 3 x 40.60 = 121.80, 1.35 kg by rail billed as 2 kg: 28.00 + 12.00 = 40.00; (121.80 + 40.00) x 9.1% = 14.7238 -> 14.72.
    expect(cart.body.checkoutTotal).toMatchObject({
      goods: { amount: 31_668, currency: 'CNY' },
      freight: { amount: 4_000, currency: 'CNY' },
      tax: { amount: 1_228 + 1_472, currency: 'CNY' },
      total: { amount: 31_668 + 4_000 + 2_700, currency: 'CNY' },
      dutiableValue: { amount: 35_668, currency: 'CNY' },
      parcels: [
        { pavilion: 'KG', mode: 'bonded_warehouse', weightGrams: 1_000, freight: { amount: 0, currency: 'CNY' } },
        { pavilion: 'KG', mode: 'direct_rail', weightGrams: 1_350, freight: { amount: 4_000, currency: 'CNY' } },
      ],
      payable: true,
    });

    const answer = await shop.checkout(cartId, { language: 'en' });
    expect(answer.status).toBe(201);
    expect(answer.body.total).toEqual({ amount: 38_368, currency: 'CNY' });
    const { session, lines } = sessionFor(answer.body.checkoutUrl);
    expect(lines).toEqual([
      { name: honey.title.en, quantity: 2, unit_amount: 9_744, currency: 'cny' },
      { name: jam.title.en, quantity: 3, unit_amount: 4_060, currency: 'cny' },
      { name: 'Freight to China', quantity: 1, unit_amount: 4_000, currency: 'cny' },
      { name: 'Cross-border import tax (withheld for customs)', quantity: 1, unit_amount: 2_700, currency: 'cny' },
    ]);
    expect(session.amount_total).toBe(38_368);

    const { order, lines: orderLines } = await shop.order(answer.body.orderId);
    expect(order.customs).toEqual({
      goods: { amount: 31_668, currency: 'CNY' }, freight: { amount: 4_000, currency: 'CNY' },
      tax: { amount: 2_700, currency: 'CNY' }, dutiableValue: { amount: 35_668, currency: 'CNY' },
    });
    expect(orderLines.map((line) => [line.hsCode, line.vatBp, line.goodsCny.amount, line.freightCny.amount, line.taxCny.amount])).toEqual([
      ['0409000000', 900, 19_488, 0, 1_228],
      ['2007999000', 1_300, 12_180, 4_000, 1_472],
    ]);
  });

  it('charges another currency with the same parts: goods unit by unit, freight and tax converted', async () => {
    const cartId = await shop.newCart({ [jam.id]: 1 });
    const cart = await shop.call('GET', `/api/carts/${cartId}?currency=USD`);
    const { goods, freight, tax, total, dutiableValue } = cart.body.checkoutTotal;
    expect(goods.currency).toBe('USD');
    expect(total.amount).toBe(goods.amount + freight.amount + tax.amount);
    expect(dutiableValue).toEqual({ amount: 4_060 + 2_800, currency: 'CNY' });
    const answer = await shop.checkout(cartId, { currency: 'USD' });
    expect(answer.body.total).toEqual(total);
    expect(sessionFor(answer.body.checkoutUrl).session.amount_total).toBe(total.amount);
  });
});

describe('China’s positive list', () => {
  it('will not put goods off the list in a cart, and refuses a cart whose listing moved off it, naming why', async () => {
    const cherries = aProduct({ sku: 'XB-CHERRY', stock: 20, category: 'fruit', hsCode: '0809290000', fulfilment: { mode: 'direct_air', leadTimeDays: 4 } });
    const apricots = aProduct({ sku: 'XB-APRICOT', stock: 20, category: 'fruit', hsCode: '0813100000' });
    await shop.deps.catalogue.putProducts([cherries, apricots]);
    const cartId = await shop.newCart({ [apricots.id]: 1 });
    const refused = await shop.call('PUT', `/api/carts/${cartId}/lines/${cherries.id}`, { quantity: 1 });
    expect(refused.status).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ reason: 'not_importable', productId: cherries.id });

    // The manager re-declares the apricots as fresh ones after they went into the cart.
    await shop.deps.catalogue.putProducts([{ ...apricots, hsCode: '0809100000', version: apricots.version + 1 }]);
    const cart = await shop.call('GET', `/api/carts/${cartId}`);
    expect(cart.body.lines[0]).toMatchObject({ status: 'unavailable', unavailableReason: 'not_importable' });
    const before = await shop.units(apricots.id);
    const answer = await shop.checkout(cartId);
    expect(answer.status).toBe(409);
    expect(answer.body.lines).toEqual([{ productId: apricots.id, requested: 1, available: 0, reason: 'unavailable', unavailableReason: 'not_importable' }]);
    expect(answer.body.detail).toMatch(/positive list/);
    expect(await shop.units(apricots.id)).toEqual(before);
  });
});

describe('who receives and who buys', () => {
  it('keeps the recipient, the buyer with the ID number sealed and masked, and the notice accepted, on the order', async () => {
    const idNumber = newResidentId();
    const cartId = await shop.newCart({ [honey.id]: 1 });
    const answer = await shop.checkout(cartId, { ...checkoutDetails({ idNumber }), language: 'zh' });
    expect(answer.status).toBe(201);
    const { order, lines } = await shop.order(answer.body.orderId);
    expect(order.recipient).toEqual({
      name: '王芳', phone: '13800138000', address: '香港中路 8 号 3 单元 1201 室', postcode: '266071',
      province: { code: '370000', name: '山东省' }, city: { code: '370200', name: '青岛市' }, district: { code: '370202', name: '市南区' },
    });
    expect(order.buyer).toMatchObject({ name: '王芳', phone: '13800138000', idNumberMasked: `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}` });
    expect(await shop.deps.identity.open(order.buyer.idNumberSealed, order.orderId)).toBe(idNumber);
    expect(order.notice.version).toBe(CONSUMER_NOTICE_VERSION);
    expect(order.notice.acceptedAt).toBe(order.createdAt);
    expect(order.allowance).toEqual({ buyerKey: await shop.deps.identity.buyerKey(idNumber), year: customsYear(order.createdAt), counted: { amount: 9_744, currency: 'CNY' } });
    expect(lines[0]!.shipTo).toEqual({ recipient: order.recipient, buyerName: '王芳', buyerIdMasked: order.buyer.idNumberMasked });
  });

  it('never writes the ID number in plain text to the table, the logs, the answers or the payment provider', async () => {
    const idNumber = newResidentId();
    const cartId = await shop.newCart({ [honey.id]: 1 });
    const placed = await shop.checkout(cartId, checkoutDetails({ idNumber }));
    expect(placed.status).toBe(201);
    const refused = await shop.checkout(await shop.newCart({ [honey.id]: 60 }), checkoutDetails({ idNumber }));
    expect(refused.status).toBe(422);
    const malformed = await shop.checkout(cartId, checkoutDetails({ idNumber: `${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}` }));
    expect(malformed.status).toBe(400);

    // A test may read the whole table: no request path does.
    const everything = await shop.table.doc.send(new ScanCommand({ TableName: shop.table.tableName }));
    const table = JSON.stringify(everything.Items);
    expect(table).toContain(idNumber.slice(-4));
    expect(table).not.toContain(idNumber);
    expect(table).not.toContain(idNumber.slice(0, 17));
    expect(shop.telemetry.everythingLogged()).not.toContain(idNumber.slice(0, 17));
    expect(JSON.stringify([placed.body, refused.body, malformed.body])).not.toContain(idNumber.slice(0, 17));
    expect(JSON.stringify(shop.stripe.sessions())).not.toContain(idNumber.slice(0, 17));
    const order = await shop.call('GET', `/api/orders/${placed.body.orderId}`, undefined, { 'x-order-token': placed.body.orderToken });
    expect(JSON.stringify(order.body)).not.toContain(idNumber.slice(0, 17));
    expect(JSON.stringify(order.body)).not.toContain('idNumberSealed');
  });

  it.each([
    ['a wrong check digit', 'buyer.idNumber', { buyer: { name: '王芳', idNumber: '110105194912310021' } }],
    ['an impossible date of birth', 'buyer.idNumber', { buyer: { name: '王芳', idNumber: '110105194902300021' } }],
    ['a number that is not one', 'buyer.idNumber', { buyer: { name: '王芳', idNumber: 'E12345678' } }],
    ['no buyer name', 'buyer.name', { buyer: { name: ' ', idNumber: '11010519491231002X' } }],
    ['no buyer', 'buyer', { buyer: undefined }],
    ['a landline', 'recipient.phone', { recipient: { ...checkoutDetails().recipient, phone: '053288888888' } }],
    ['a 5-digit postcode', 'recipient.postcode', { recipient: { ...checkoutDetails().recipient, postcode: '26607' } }],
    ['a province that is not one', 'recipient.province', { recipient: { ...checkoutDetails().recipient, province: '999999' } }],
    ['a city outside the province', 'recipient.city', { recipient: { ...checkoutDetails().recipient, city: '110100' } }],
    ['a district outside the city', 'recipient.district', { recipient: { ...checkoutDetails().recipient, district: '110105' } }],
    ['no street address', 'recipient.address', { recipient: { ...checkoutDetails().recipient, address: '' } }],
    ['no recipient', 'recipient', { recipient: undefined }],
    ['the notice not accepted', 'noticeAccepted', { noticeAccepted: false }],
    ['no word on the notice', 'noticeAccepted', { noticeAccepted: undefined }],
  ])('refuses %s with 400 naming %s, reserving nothing', async (_case, field, override) => {
    const cartId = await shop.newCart({ [honey.id]: 1 });
    const before = await shop.units(honey.id);
    const sessions = shop.stripe.sessions().length;
    const answer = await shop.checkout(cartId, override);
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await shop.units(honey.id)).toEqual(before);
    expect(shop.stripe.sessions()).toHaveLength(sessions);
  });

  it('accepts divisions by their Chinese names as well as their codes', async () => {
    const cartId = await shop.newCart({ [honey.id]: 1 });
    const recipient = { ...checkoutDetails().recipient, province: '山东省', city: '青岛市', district: '市南区' };
    const answer = await shop.checkout(cartId, { recipient });
    expect(answer.status).toBe(201);
    expect((await shop.order(answer.body.orderId)).order.recipient.district).toEqual({ code: '370202', name: '市南区' });
  });

  it('answers 409 when the page showed another version of the consumer notice', async () => {
    const cartId = await shop.newCart({ [honey.id]: 1 });
    const answer = await shop.checkout(cartId, { noticeVersion: '2019-01-01' });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ reason: 'notice_changed', version: CONSUMER_NOTICE_VERSION });
    expect((await shop.checkout(cartId, { noticeVersion: CONSUMER_NOTICE_VERSION })).status).toBe(201);
  });
});

describe('the buyer’s yearly limit of CNY 26,000', () => {
  /** Five unpaid orders of 50 jars (5 x CNY 4,872.00 = 24,360.00): the year has CNY 1,640.00 left. */
  /** Five orders of 50 jars, the last `unpaid` of them left unpaid (one buyer may hold at most 3 unpaid orders: domain/order.ts). */
  async function buyerWithFiveOrders(idNumber: string, unpaid = 2) {
    for (let i = 0; i < 5; i++) {
      if (i < 5 - unpaid) {
        await shop.paidOrder({ [honey.id]: 50 }, checkoutDetails({ idNumber }));
        continue;
      }
      const answer = await shop.checkout(await shop.newCart({ [honey.id]: 50 }), checkoutDetails({ idNumber }));
      expect(answer.status).toBe(201);
    }
    expect(await countedFor(idNumber)).toBe(5 * 487_200);
  }

  it('counts unpaid orders too and refuses the order that would pass it with 422 and what is left, in the shopper’s language', async () => {
    const idNumber = newResidentId();
    await buyerWithFiveOrders(idNumber);
    const cartId = await shop.newCart({ [honey.id]: 17 });
    const before = await shop.units(honey.id);
    const answer = await shop.checkout(cartId, { ...checkoutDetails({ idNumber }), language: 'ru' });
    expect(answer.status).toBe(422);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body).toMatchObject({
      reason: 'over_yearly_limit',
      value: { amount: 17 * 9_744, currency: 'CNY' },
      limit: { amount: 2_600_000, currency: 'CNY' },
      remaining: { amount: 164_000, currency: 'CNY' },
      title: 'Превышен годовой лимит трансграничных покупок',
    });
    expect(answer.body.detail).toMatch(/1\s640,00/u);
    expect(await shop.units(honey.id)).toEqual(before);
    expect(await countedFor(idNumber)).toBe(5 * 487_200);

    // 16 jars (CNY 1,559.04) still fit.
    await shop.call('PUT', `/api/carts/${cartId}/lines/${honey.id}`, { quantity: 16 });
    expect((await shop.checkout(cartId, checkoutDetails({ idNumber }))).status).toBe(201);
    expect(await countedFor(idNumber)).toBe(5 * 487_200 + 16 * 9_744);
  });

  it('tells the per-order refusal what this buyer may still carry when the year is nearly used', async () => {
    const idNumber = newResidentId();
    await buyerWithFiveOrders(idNumber);
    const answer = await shop.checkout(await shop.newCart({ [honey.id]: 52 }), checkoutDetails({ idNumber }));
    expect(answer.body).toMatchObject({ reason: 'over_cross_border_limit', remaining: { amount: 164_000, currency: 'CNY' } });
  });

  it('explains that one item worth more than the per-order limit cannot be sold at all, not that items should be removed', async () => {
    // KGS 70,000.00 = CNY 5,684.00 for one felt rug.
    const rug = aProduct({ sku: 'XB-RUG', stock: 2, price: { amount: 7_000_000, currency: 'KGS' }, hsCode: '5702100000', category: 'crafts' });
    await shop.deps.catalogue.putProducts([rug]);
    const answer = await shop.checkout(await shop.newCart({ [rug.id]: 1 }), { language: 'en' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ reason: 'over_cross_border_limit', title: 'This one item is over China’s cross-border limit per order' });
    expect(answer.body.detail).toMatch(/general trade/);
  });

  it('counts a cart checked out again once, and gives the amount back when the reservation lapses', async () => {
    const idNumber = newResidentId();
    const cartId = await shop.newCart({ [honey.id]: 10 });
    expect((await shop.checkout(cartId, checkoutDetails({ idNumber }))).status).toBe(201);
    const again = await shop.checkout(cartId, checkoutDetails({ idNumber }));
    expect(again.status).toBe(201);
    expect(await countedFor(idNumber)).toBe(10 * 9_744);

    const report = await sweepExpiredOrders(shop.deps, new Date(Date.now() + 45 * 60_000));
    expect(report.released).toBeGreaterThanOrEqual(1);
    expect((await shop.order(again.body.orderId)).order.status).toBe('expired');
    expect(await countedFor(idNumber)).toBe(0);
  });

  it('keeps the allowance counted once an order is paid', async () => {
    const idNumber = newResidentId();
    const answer = await shop.checkout(await shop.newCart({ [honey.id]: 3 }), checkoutDetails({ idNumber }));
    const session = sessionFor(answer.body.checkoutUrl);
    await shop.stripe.pay(session.session.id);
    const { order } = await shop.order(answer.body.orderId);
    expect(order.status).toBe('paid');
    expect(order.paymentId).toMatch(/^pi_/);
    expect(await countedFor(idNumber)).toBe(3 * 9_744);
  });

  it('lets only one of several checkouts by one buyer take the last of the allowance, however they race', async () => {
    const idNumber = newResidentId();
    // All paid: the race is for the allowance alone, not also for the buyer's unpaid-order slots.
    await buyerWithFiveOrders(idNumber, 0);
    // CNY 1,640.00 left: each of these orders of 16 jars (CNY 1,559.04) fits alone, no two together.
    const carts = await Promise.all(Array.from({ length: 6 }, () => shop.newCart({ [honey.id]: 16 })));
    const before = await shop.units(honey.id);
    const answers = await Promise.all(carts.map((cartId) => shop.checkout(cartId, checkoutDetails({ idNumber }))));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 422, 422, 422, 422, 422]);
    for (const refused of answers.filter((answer) => answer.status === 422)) {
      expect(refused.body).toMatchObject({ reason: 'over_yearly_limit', remaining: { amount: 164_000 - 155_904, currency: 'CNY' } });
    }
    expect(await countedFor(idNumber)).toBe(5 * 487_200 + 155_904);
    const after = await shop.units(honey.id);
    expect(after.reserved - before.reserved).toBe(16);
  });
});
