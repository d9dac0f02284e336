import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../../functions/domain/money.js';
import { commissionOn, type LedgerEntry } from '../../functions/domain/settlement.js';
import { aPavilion, aProduct } from '../fixtures/products.js';
import { eventually, startShop, type Shop } from '../support/shop.js';

/**
 * The conservation proof through the real use cases, on DynamoDB Local with the local Stripe and the
 * real SDK: random orders across two pavilions and charge currencies, refunds of a line or of the whole
 * order, shoppers' cancellations, every Stripe event delivered again, and payouts. Kept small (each
 * order is a real checkout and payment); the pure arithmetic runs hundreds of times in
 * tests/unit/settlement.test.ts.
 */
let shop: Shop;
let operator: string;
const PRODUCTS = [
  aProduct({ pavilion: 'KG', sku: 'KG-HONEY', stock: 10_000, price: { amount: 120_019, currency: 'KGS' }, fulfilment: { mode: 'direct_rail', leadTimeDays: 14 } }),
  aProduct({ pavilion: 'KG', sku: 'KG-JAM', stock: 10_000, price: { amount: 33_333, currency: 'KGS' } }),
  aProduct({ pavilion: 'RU', sku: 'RU-TEA', stock: 10_000, price: { amount: 45_077, currency: 'RUB' }, fulfilment: { mode: 'direct_air', leadTimeDays: 5 } }),
];
const PAVILIONS = [{ code: 'KG', currency: 'KGS' as CurrencyCode }, { code: 'RU', currency: 'RUB' as CurrencyCode }];
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  shop = await startShop({ staff: true, pavilions: [aPavilion(), aPavilion({ code: 'RU', currency: 'RUB' })] });
  await shop.deps.catalogue.putProducts(PRODUCTS);
  operator = await shop.tokenOf('operator');
  await shop.call('PUT', '/api/operator/pavilions/RU/commission', { commissionBp: 1_275 }, as(operator));
});
afterAll(async () => shop?.close());

const orderArb = fc.record({
  lines: fc.uniqueArray(fc.record({ product: fc.integer({ min: 0, max: PRODUCTS.length - 1 }), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3, selector: (line) => line.product }),
  currency: fc.constantFrom<CurrencyCode>('CNY', 'USD', 'KGS'),
  after: fc.constantFrom('keep', 'refund_line', 'refund_order', 'cancel'),
});
const historyArb = fc.record({ orders: fc.array(orderArb, { minLength: 2, maxLength: 4 }), payoutShare: fc.integer({ min: 0, max: 100 }) });

async function entriesOf(code: string): Promise<LedgerEntry[]> {
  const answer = await shop.call('GET', `/api/operator/statements?pavilion=${code}&from=${chinaDay(-1)}&to=${chinaDay(1)}`, undefined, as(operator));
  expect(answer.status).toBe(200);
  return answer.body.entries;
}

describe('conservation through the real use cases (property, DynamoDB Local)', () => {
  it('for every pavilion the ledger equals its paid lines less refunds, commission and payouts; across all, money received = shares + commission + tax and freight + refunds', async () => {
    const expected = new Map<string, number>([['KG', 0], ['RU', 0]]);
    const bp = new Map<string, number>([['KG', 800], ['RU', 1_275]]);
    const received = new Map<CurrencyCode, number>();
    const refunded = new Map<CurrencyCode, number>();
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        for (const generated of history.orders) {
          const { orderId, token } = await shop.paidOrder(Object.fromEntries(generated.lines.map((line) => [PRODUCTS[line.product]!.id, line.quantity])), { currency: generated.currency });
          const { order, lines } = await shop.order(orderId);
          received.set(order.currency, (received.get(order.currency) ?? 0) + order.total.amount);
          const kept = new Set(lines.map((line) => line.lineNo));
          if (generated.after !== 'keep') {
            const answer =
              generated.after === 'cancel'
                ? await shop.call('POST', `/api/orders/${orderId}/cancel`, undefined, { 'x-order-token': token })
                : await shop.call('POST', `/api/operator/orders/${orderId}/refund`, { reason: 'property test', ...(generated.after === 'refund_line' ? { lineNo: 1 } : {}) }, as(operator));
            expect(answer.status).toBe(200);
            const settled = await eventually(() => shop.order(orderId), (stored) => stored.refunds.length > 0 && stored.refunds.every((refund) => refund.status === 'succeeded'));
            for (const refund of settled.refunds) {
              refunded.set(order.currency, (refunded.get(order.currency) ?? 0) + refund.amount.amount);
              for (const line of refund.lines) kept.delete(line.lineNo);
            }
          }
          for (const line of lines.filter((candidate) => kept.has(candidate.lineNo))) {
            const sale = line.unitPrice.amount * line.quantity;
            expected.set(line.pavilion, expected.get(line.pavilion)! + sale - commissionOn(sale, bp.get(line.pavilion)!));
          }
        }
        // Stripe delivers every event once more: nothing is appended twice.
        for (const delivery of [...shop.stripe.deliveries]) await shop.stripe.resend(delivery.event.id);
        for (const pavilion of PAVILIONS) {
          const balance = expected.get(pavilion.code)!;
          const amount = Math.floor((balance * history.payoutShare) / 100);
          if (amount <= 0) continue;
          const answer = await shop.call('POST', `/api/operator/pavilions/${pavilion.code}/payouts`, { amount: { amount, currency: pavilion.currency }, date: chinaDay(0), reference: `REF-${Date.now()}-${pavilion.code}` }, as(operator));
          expect(answer.status).toBe(201);
          expected.set(pavilion.code, balance - amount);
        }

        const entries: LedgerEntry[] = [];
        for (const pavilion of PAVILIONS) {
          const own = await entriesOf(pavilion.code);
          entries.push(...own);
          const statement = (await shop.call('GET', `/api/operator/statements?pavilion=${pavilion.code}&from=${chinaDay(-1)}&to=${chinaDay(1)}`, undefined, as(operator))).body;
          expect(statement.closing.amount - statement.opening.amount).toBe(expected.get(pavilion.code));
          expect(statement.closing.amount).toBe(statement.opening.amount + statement.sales.amount - statement.refunds.amount - statement.commission.amount - statement.payouts.amount + statement.adjustments.amount);
        }
        for (const [currency, total] of received) {
          const charged = entries.filter((entry) => entry.charged?.currency === currency);
          const sum = (kinds: LedgerEntry['kind'][]) => charged.filter((entry) => kinds.includes(entry.kind)).reduce((acc, entry) => acc + entry.charged!.amount, 0);
          const shares = sum(['sale', 'refund', 'return', 'commission', 'commission_refund']);
          const commission = -sum(['commission', 'commission_refund']);
          const passThrough = sum(['tax', 'freight', 'tax_refund', 'freight_refund']);
          expect(total).toBe(shares + commission + passThrough + (refunded.get(currency) ?? 0));
        }
      }),
      { numRuns: 3 },
    );
  }, 240_000);
});
