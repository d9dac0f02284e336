import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonthOf, commissionOn, monthDays } from '../../functions/domain/settlement.js';
import { aPavilion, aProduct } from '../fixtures/products.js';
import { eventually, startShop, type Shop } from '../support/shop.js';

/**
 * Settlement end to end on real parts (DynamoDB Local, the local Stripe and the real SDK, a real token
 * issuer): a paid order appends the pavilion's sale and commission, a refund gives them back, a replayed
 * event appends nothing, operators record payouts and adjustments within the rules, and each route
 * refuses what it must with problem+json.
 */
let shop: Shop;
let operator: string;
let kgManager: string;
let ruManager: string;
const month = monthDays(chinaMonthOf(new Date().toISOString()));
const period = `from=${month.from}&to=${month.to}`;
const KG = aPavilion();
const RU = aPavilion({ code: 'RU', currency: 'RUB', name: { zh: '俄罗斯', ru: 'Россия', en: 'Russia' } });

beforeAll(async () => {
  shop = await startShop({ staff: true, pavilions: [KG, RU] });
  operator = await shop.tokenOf('operator');
  kgManager = await shop.tokenOf('KG');
  ruManager = await shop.tokenOf('RU');
});
afterAll(async () => shop?.close());

const as = (token: string) => ({ authorization: `Bearer ${token}` });
const statement = (token: string) => shop.call('GET', `/api/pavilion/statements?${period}`, undefined, as(token));
const balanceOf = async (code: string) => (await shop.call('GET', '/api/operator/balances', undefined, as(operator))).body.items.find((item: { pavilion: string }) => item.pavilion === code);

describe('the ledger', () => {
  it('a paid order appends each line’s sale and commission, tax and freight passing through; a refund gives them back; replays append nothing', async () => {
    const honey = aProduct({ stock: 10, price: { amount: 120_019, currency: 'KGS' }, fulfilment: { mode: 'direct_rail', leadTimeDays: 14 } });
    await shop.deps.catalogue.putProducts([honey]);
    const before = (await statement(kgManager)).body;
    const { orderId } = await shop.paidOrder({ [honey.id]: 2 });

    const after = (await statement(kgManager)).body;
    const sale = 2 * 120_019;
    const commission = commissionOn(sale, 800);
    expect(after.sales.amount - before.sales.amount).toBe(sale);
    expect(after.commission.amount - before.commission.amount).toBe(commission);
    expect(after.closing.amount - before.closing.amount).toBe(sale - commission);
    const own = after.entries.filter((entry: { orderId?: string }) => entry.orderId === orderId);
    expect(own.map((entry: { kind: string }) => entry.kind).sort()).toEqual(['commission', 'freight', 'sale', 'tax']);
    expect(own.every((entry: { amount: { currency: string }; charged: { currency: string } }) => entry.amount.currency === 'KGS' && entry.charged.currency === 'CNY')).toBe(true);
    const { order } = await shop.order(orderId);
    expect(order.commissionBp).toEqual({ KG: 800 });
    // Tax and freight as charged add up, with the goods, to what the shopper paid.
    expect(own.reduce((sum: number, entry: { kind: string; charged: { amount: number } }) => sum + (entry.kind === 'commission' ? 0 : entry.charged.amount), 0)).toBe(order.total.amount);

    // Stripe delivers the payment event again: nothing more is appended.
    const paidEvent = shop.stripe.deliveries.find((delivery) => delivery.event.type === 'checkout.session.completed' && JSON.stringify(delivery.event).includes(orderId))!;
    expect(await shop.stripe.resend(paidEvent.event.id)).toBe(200);
    expect((await statement(kgManager)).body.entries).toHaveLength(after.entries.length);

    // The operator refunds the whole order: the sale and exactly the commission taken come back.
    const refunded = await shop.call('POST', `/api/operator/orders/${orderId}/refund`, { reason: 'parcel lost' }, as(operator));
    expect(refunded.status).toBe(200);
    await eventually(async () => (await shop.order(orderId)).order.status, (status) => status === 'cancelled');
    const settled = await eventually(() => statement(kgManager), (answer) => answer.body.entries.some((entry: { kind: string; orderId?: string }) => entry.kind === 'refund' && entry.orderId === orderId));
    expect(settled.body.refunds.amount - before.refunds.amount).toBe(sale);
    expect(settled.body.commission.amount).toBe(before.commission.amount);
    expect(settled.body.closing.amount).toBe(before.closing.amount);
    expect(settled.body.passThrough.tax.amount).toBe(before.passThrough.tax.amount);
    const refundEvents = shop.stripe.deliveries.filter((delivery) => JSON.stringify(delivery.event).includes(orderId) && delivery.event.type !== 'checkout.session.completed');
    for (const delivery of refundEvents) await shop.stripe.resend(delivery.event.id);
    expect((await statement(kgManager)).body.entries).toHaveLength(settled.body.entries.length);
  });

  it('each manager sees only their own pavilion’s statement', async () => {
    const honey = aProduct({ stock: 5 });
    await shop.deps.catalogue.putProducts([honey]);
    await shop.paidOrder({ [honey.id]: 1 });
    const ru = await statement(ruManager);
    expect(ru.status).toBe(200);
    expect(ru.body).toMatchObject({ pavilion: 'RU', currency: 'RUB', entries: [] });
    expect(ru.body.closing).toEqual({ amount: 0, currency: 'RUB' });
  });
});

describe('statements', () => {
  it('answer JSON and CSV with the same entries, CSV headers in the asker’s language', async () => {
    const json = await statement(kgManager);
    const csv = await shop.api.request(`/api/pavilion/statements?${period}&format=csv&lang=ru`, { headers: as(kgManager) });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toMatch(/^Время \(UTC\),Вид,Заказ/);
    expect(rows).toHaveLength(json.body.entries.length + 1);
    const zh = await shop.api.request(`/api/pavilion/statements?${period}&format=csv`, { headers: { ...as(kgManager), 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect((await zh.text()).replace(/^\uFEFF/, '')).toMatch(/^时间（UTC）,类型/);
  });

  it.each([
    ['from=2026-11-31&to=2026-12-01', 400],
    ['from=2026-12-02&to=2026-12-01', 400],
    ['from=2024-01-01&to=2026-12-01', 400],
    ['from=yesterday&to=2026-12-01', 400],
    ['to=2026-12-01', 400],
  ])('refuses %s with %i problem+json', async (query, status) => {
    const answer = await shop.call('GET', `/api/pavilion/statements?${query}`, undefined, as(kgManager));
    expect(answer.status).toBe(status);
    expect(answer.type).toContain('application/problem+json');
  });

  it('refuses callers without a token (401) and operators’ routes to managers (403)', async () => {
    expect((await shop.call('GET', `/api/pavilion/statements?${period}`)).status).toBe(401);
    expect((await shop.call('GET', `/api/operator/statements?pavilion=KG&${period}`, undefined, as(kgManager))).status).toBe(403);
    expect((await shop.call('GET', '/api/operator/balances', undefined, as(kgManager))).status).toBe(403);
    expect((await shop.call('POST', '/api/operator/pavilions/KG/payouts', { amount: { amount: 1, currency: 'KGS' }, date: '2026-11-30', reference: 'x' }, as(kgManager))).status).toBe(403);
  });

  it('operators read any pavilion’s statement as its manager does; an unknown pavilion is 404', async () => {
    const mine = await statement(kgManager);
    const theirs = await shop.call('GET', `/api/operator/statements?pavilion=KG&${period}`, undefined, as(operator));
    expect(theirs.status).toBe(200);
    expect(theirs.body).toEqual(mine.body);
    expect((await shop.call('GET', `/api/operator/statements?pavilion=ZZ&${period}`, undefined, as(operator))).status).toBe(404);
    expect((await shop.call('GET', `/api/operator/statements?pavilion=kg&${period}`, undefined, as(operator))).status).toBe(400);
  });
});

describe('operators’ settlement actions', () => {
  it('a payout up to the balance is recorded once, audited; more than the balance is 409; another currency 422; a reference twice 409', async () => {
    const { balance } = await balanceOf('KG');
    expect(balance.amount).toBeGreaterThan(0);
    const over = await shop.call('POST', '/api/operator/pavilions/KG/payouts', { amount: { amount: balance.amount + 1, currency: 'KGS' }, date: '2026-11-30', reference: 'BANK-1' }, as(operator));
    expect(over.status).toBe(409);
    expect(over.type).toContain('application/problem+json');
    expect(over.body).toMatchObject({ reason: 'over_balance', balance });
    const rub = await shop.call('POST', '/api/operator/pavilions/KG/payouts', { amount: { amount: 1, currency: 'RUB' }, date: '2026-11-30', reference: 'BANK-1' }, as(operator));
    expect(rub.status).toBe(422);

    const paid = await shop.call('POST', '/api/operator/pavilions/KG/payouts', { amount: { amount: balance.amount - 100, currency: 'KGS' }, date: '2026-11-30', reference: 'BANK-1' }, as(operator));
    expect(paid.status).toBe(201);
    expect(paid.body.balance).toEqual({ amount: 100, currency: 'KGS' });
    expect((await balanceOf('KG')).balance).toEqual({ amount: 100, currency: 'KGS' });
    const again = await shop.call('POST', '/api/operator/pavilions/KG/payouts', { amount: { amount: 50, currency: 'KGS' }, date: '2026-11-30', reference: 'BANK-1' }, as(operator));
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('duplicate_reference');

    const entry = (await statement(kgManager)).body.entries.find((candidate: { kind: string }) => candidate.kind === 'payout');
    expect(entry).toMatchObject({ amount: { amount: -(balance.amount - 100), currency: 'KGS' }, reference: 'BANK-1', paidOn: '2026-11-30' });
    const actions = await shop.deps.ledger.actions('KG');
    expect(actions.find((action) => action.action === 'payout')).toMatchObject({ pavilion: 'KG', reference: 'BANK-1', amount: { amount: balance.amount - 100, currency: 'KGS' } });
  });

  it('two payouts racing for one balance: one is recorded, the other refused', async () => {
    const { balance } = await balanceOf('KG');
    const answers = await Promise.all(['RACE-A', 'RACE-B'].map((reference) =>
      shop.call('POST', '/api/operator/pavilions/KG/payouts', { amount: balance, date: '2026-11-30', reference }, as(operator))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect((await balanceOf('KG')).balance).toEqual({ amount: 0, currency: 'KGS' });
  });

  it('an adjustment moves the balance either way with a reason; nothing, or no reason, is refused', async () => {
    const added = await shop.call('POST', '/api/operator/pavilions/KG/adjustments', { amount: { amount: 2_500, currency: 'KGS' }, reason: 'bank fee refunded' }, as(operator));
    expect(added.status).toBe(201);
    const taken = await shop.call('POST', '/api/operator/pavilions/KG/adjustments', { amount: { amount: -500, currency: 'KGS' }, reason: 'sample kept' }, as(operator));
    expect(taken.status).toBe(201);
    expect(taken.body.balance).toEqual({ amount: 2_000, currency: 'KGS' });
    expect((await shop.call('POST', '/api/operator/pavilions/KG/adjustments', { amount: { amount: 0, currency: 'KGS' }, reason: 'nothing' }, as(operator))).status).toBe(422);
    expect((await shop.call('POST', '/api/operator/pavilions/KG/adjustments', { amount: { amount: 5, currency: 'KGS' } }, as(operator))).status).toBe(400);
    expect((await shop.call('POST', '/api/operator/pavilions/ZZ/adjustments', { amount: { amount: 5, currency: 'KGS' }, reason: 'unknown' }, as(operator))).status).toBe(404);
    const figures = (await statement(kgManager)).body;
    expect(figures.adjustments.amount).toBe(2_000);
    expect(figures.closing.amount).toBe(figures.opening.amount + figures.sales.amount - figures.refunds.amount - figures.commission.amount - figures.payouts.amount + figures.adjustments.amount);
    expect(figures.closing).toEqual((await balanceOf('KG')).balance);
  });

  it('a commission rate applies to orders paid from then on; a rate outside 0..10000 is 400', async () => {
    const set = await shop.call('PUT', '/api/operator/pavilions/RU/commission', { commissionBp: 1_250 }, as(operator));
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ commissionBp: 1_250, previousCommissionBp: 800 });
    expect((await shop.call('PUT', '/api/operator/pavilions/RU/commission', { commissionBp: 10_001 }, as(operator))).status).toBe(400);
    expect((await shop.call('PUT', '/api/operator/pavilions/RU/commission', { commissionBp: 12.5 }, as(operator))).status).toBe(400);
    const pelmeni = aProduct({ pavilion: 'RU', sku: 'RU-PELMENI', stock: 5, price: { amount: 45_000, currency: 'RUB' } });
    await shop.deps.catalogue.putProducts([pelmeni]);
    const { orderId } = await shop.paidOrder({ [pelmeni.id]: 1 });
    const commission = (await statement(ruManager)).body.entries.find((entry: { kind: string; orderId?: string }) => entry.kind === 'commission' && entry.orderId === orderId);
    expect(commission.amount).toEqual({ amount: -commissionOn(45_000, 1_250), currency: 'RUB' });
    expect((await balanceOf('RU')).commissionBp).toBe(1_250);
    expect((await shop.deps.ledger.actions('RU')).map((action) => action.action)).toEqual(['commission_rate']);
  });

  it('payouts of bad shape are 400 and change nothing', async () => {
    const before = await balanceOf('KG');
    for (const body of [{}, { amount: { amount: -5, currency: 'KGS' }, date: '2026-11-30', reference: 'X' }, { amount: { amount: 5, currency: 'KGS' }, date: '30.11.2026', reference: 'X' }, { amount: { amount: 5, currency: 'KGS' }, date: '2026-02-30', reference: 'X' }, { amount: { amount: 5, currency: 'KGS' }, date: '2026-11-30', reference: '' }]) {
      const answer = await shop.call('POST', '/api/operator/pavilions/KG/payouts', body, as(operator));
      expect(answer.status).toBe(400);
      expect(answer.type).toContain('application/problem+json');
    }
    expect(await balanceOf('KG')).toEqual(before);
  });
});
