import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOutboxStore } from '../../functions/adapters/dynamodb/outbox-store.js';
import { PAVILION_BATCH_MINUTES } from '../../functions/domain/mail/outbox.js';
import { maskResidentId } from '../../functions/domain/resident-id.js';
import type { Mailer, MailMessage } from '../../functions/ports/mailer.js';
import { deliverDueMail, type MailDeps } from '../../functions/usecases/deliver-mail.js';
import { aProduct } from '../fixtures/products.js';
import { checkoutDetails, eventually, newResidentId, PUBLIC_BASE_URL, startShop, type Shop } from '../support/shop.js';

/**
 * The outbox on real parts: the shop on DynamoDB Local, the local Stripe and signed webhooks, the
 * workspace's shipments and returns, and the sender (usecases/deliver-mail.ts) delivering to a
 * recording mailer. Every mail goes out once, whatever is replayed or raced.
 */
class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  /** The next n sends fail as an outage would. */
  failNext = 0;
  async send(message: MailMessage) {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('service unavailable');
    }
    this.sent.push(message);
    return { messageId: `msg-${this.sent.length}` };
  }
  of(orderId: string) {
    return this.sent.filter((message) => message.orderId === orderId);
  }
}

let shop: Shop;
let mailer: RecordingMailer;
let outbox: DynamoOutboxStore;
let mail: MailDeps;
let tokens: { KG: string };
const signer = new Stripe('sk_test_signer', { telemetry: false });
let eventCounter = 0;

beforeAll(async () => {
  shop = await startShop({ staff: true });
  tokens = { KG: await shop.tokenOf('KG') };
  outbox = new DynamoOutboxStore(shop.table.doc, shop.table.tableName);
  await outbox.putContact('KG', { email: 'orders@kg.example', language: 'ru' });
  await outbox.putContact('RU', { email: 'orders@ru.example', language: 'en' });
  mailer = new RecordingMailer();
  mail = { outbox, contacts: outbox, orders: shop.deps.orders, mailer, clock: shop.clock, telemetry: shop.telemetry, publicBaseUrl: PUBLIC_BASE_URL };
});
afterEach(() => {
  shop.clock.offsetMs = 0;
  mailer.failNext = 0;
  shop.stripe.holdRefunds(false);
});
afterAll(async () => shop?.close());

const rail = { mode: 'direct_rail' as const, leadTimeDays: 14 };
const deliver = () => deliverDueMail(mail);
/** Every message of the order, once the sender has run: the test's own deliveries, not a timer's. */
const mailOf = async (orderId: string) => {
  await deliver();
  return mailer.of(orderId);
};

function signed(payload: string) {
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret: shop.webhookSecret });
  return shop.call('POST', '/api/webhooks/stripe', payload, { 'content-type': 'application/json', 'stripe-signature': signature });
}

function sessionEvent(type: string, session: object) {
  eventCounter += 1;
  return JSON.stringify({
    id: `evt_mail_${Date.now()}_${eventCounter}`, object: 'event', type, created: Math.floor(Date.now() / 1000), livemode: false,
    data: { object: { ...session, status: 'complete', payment_status: 'paid' } },
  });
}

/** Checked out (in `language`) but not paid: the order, its token and its Stripe session. */
async function placed(language: 'zh' | 'ru' | 'en', idNumber = newResidentId(), units = 2) {
  const honey = aProduct({ stock: 10, fulfilment: rail });
  await shop.deps.catalogue.putProducts([honey]);
  const cartId = await shop.newCart({ [honey.id]: units });
  // A new shopper each time (tests/support/shop.ts checkoutDetails): the mail must go to this one.
  const details = checkoutDetails({ idNumber });
  const answer = await shop.checkout(cartId, { ...details, language });
  expect(answer.status).toBe(201);
  const sessionId = (answer.body.checkoutUrl as string).split('/pay/')[1]!;
  const session = shop.stripe.sessions().find((entry) => entry.session.id === sessionId)!.session;
  return { orderId: answer.body.orderId as string, token: answer.body.orderToken as string, session, sessionId, honey, idNumber, email: details.email };
}

async function paid(language: 'zh' | 'ru' | 'en' = 'en') {
  const order = await placed(language);
  await shop.stripe.pay(order.sessionId);
  await eventually(() => shop.order(order.orderId), (stored) => stored.order.status === 'paid');
  return order;
}

/** Nothing personal beyond the address it goes to: no ID number (whole, masked or in part), no recipient. */
function expectNothingPersonal(message: MailMessage, idNumber: string) {
  const { recipient } = checkoutDetails();
  for (const part of [message.subject, message.text, message.html]) {
    expect(part).not.toContain(idNumber);
    // Its birth date (8 digits) and the masked form the order keeps.
    expect(part).not.toContain(idNumber.slice(6, 14));
    expect(part).not.toContain(maskResidentId(idNumber));
    expect(part).not.toContain(recipient.address);
    expect(part).not.toContain(recipient.phone);
    expect(part).not.toContain(recipient.name);
  }
}

describe('order confirmed', () => {
  it('is prepared at checkout with the order link, sent once the payment settles, in the order’s language, and the token leaves the table', async () => {
    const order = await placed('ru');
    // Unpaid: held, nothing due.
    expect(await mailOf(order.orderId)).toEqual([]);
    expect(await outbox.listForOrder(order.orderId)).toMatchObject([{ mailId: 'confirmed', status: 'held', orderToken: order.token }]);

    await shop.stripe.pay(order.sessionId);
    await eventually(() => shop.order(order.orderId), (stored) => stored.order.status === 'paid');
    const [confirmed, ...others] = await mailOf(order.orderId);
    expect(others).toEqual([]);
    expect(confirmed).toMatchObject({ to: order.email, kind: 'order_confirmed', subject: `Заказ ${order.orderId} подтверждён` });
    const link = `${PUBLIC_BASE_URL}/ru/order/?id=${order.orderId}#token=${order.token}`;
    expect(confirmed!.text).toContain(link);
    expect(confirmed!.text).toContain('Тестовый мёд × 2');
    expect(confirmed!.html).toContain(`href="${link.replace('&', '&amp;')}"`);
    expect(confirmed!.html).toMatch(/^<!doctype html>/);
    expectNothingPersonal(confirmed!, order.idNumber);
    // The link opens the order: the token in the mail is the order's.
    expect((await shop.call('GET', `/api/orders/${order.orderId}`, undefined, { 'x-order-token': order.token })).status).toBe(200);

    const [record] = await outbox.listForOrder(order.orderId).then((records) => records.filter((r) => r.mailId === 'confirmed'));
    expect(record).toMatchObject({ status: 'sent', subject: confirmed!.subject, sentAt: expect.any(String) });
    expect(record!.orderToken).toBeUndefined();
  });

  it('goes out once when the payment event is delivered three times, another event reports the same payment, and five senders race', async () => {
    const order = await placed('zh');
    const completed = sessionEvent('checkout.session.completed', order.session);
    const asyncSucceeded = sessionEvent('checkout.session.async_payment_succeeded', order.session);
    for (const payload of [completed, completed, asyncSucceeded, completed, asyncSucceeded]) expect((await signed(payload)).status).toBe(200);
    expect((await shop.order(order.orderId)).order.status).toBe('paid');

    await Promise.all(Array.from({ length: 5 }, () => deliverDueMail(mail)));
    await deliver();
    const messages = mailer.of(order.orderId);
    expect(messages.map((message) => message.kind)).toEqual(['order_confirmed']);
    expect(messages[0]!.subject).toBe(`订单 ${order.orderId} 已确认`);
  });

  it('is never sent for an order nobody paid', async () => {
    const order = await placed('en');
    expect((await shop.call('POST', `/api/orders/${order.orderId}/cancel`, undefined, { 'x-order-token': order.token })).status).toBe(200);
    shop.clock.offsetMs = 60 * 60_000;
    expect(await mailOf(order.orderId)).toEqual([]);
  });
});

describe('the sender', () => {
  it('tries again later when the mail service is down, and sends once when it is back', async () => {
    mailer.failNext = 1;
    const order = await paid('en');
    expect(await mailOf(order.orderId)).toEqual([]);
    const [record] = (await outbox.listForOrder(order.orderId)).filter((r) => r.mailId === 'confirmed');
    expect(record).toMatchObject({ status: 'ready', attempts: 1 });
    // Not before its retry time.
    expect(await mailOf(order.orderId)).toEqual([]);
    shop.clock.offsetMs = 2 * 60_000;
    expect((await mailOf(order.orderId)).map((message) => message.kind)).toEqual(['order_confirmed']);
    expect((await mailOf(order.orderId))).toHaveLength(1);
  });

  it('takes over a claim whose sender died before sending, once its lease lapsed, and sends once', async () => {
    const order = await placed('en');
    // A sender that claims and dies: its claim holds the record until the lease lapses.
    await shop.stripe.pay(order.sessionId);
    await eventually(() => shop.order(order.orderId), (stored) => stored.order.status === 'paid');
    const now = shop.clock.now().toISOString();
    expect(await outbox.claim({ orderId: order.orderId, mailId: 'confirmed' }, 'dead-sender', { now, until: new Date(Date.now() + 120_000).toISOString(), dueBy: now })).toBe(true);
    expect(await mailOf(order.orderId)).toEqual([]);
    shop.clock.offsetMs = 3 * 60_000;
    expect((await mailOf(order.orderId)).map((message) => message.kind)).toEqual(['order_confirmed']);
    // The dead sender waking up cannot mark it again.
    await outbox.markSent({ orderId: order.orderId, mailId: 'confirmed' }, 'dead-sender', { at: now, subject: 'x', providerMessageId: 'late' });
    expect((await outbox.listForOrder(order.orderId)).find((r) => r.mailId === 'confirmed')).toMatchObject({ status: 'sent', providerMessageId: expect.stringMatching(/^msg-/) });
  });
});

describe('after the payment', () => {
  it('tells the shopper of a shipped line with carrier and tracking, once', async () => {
    const order = await paid('en');
    const ship = () => shop.call('POST', `/api/pavilion/orders/${order.orderId}/lines/1/shipment`, { carrier: 'KG Post', trackingNumber: 'KG-7-0001' }, { authorization: `Bearer ${tokens.KG}` });
    expect((await ship()).status).toBe(200);
    expect((await ship()).status).toBe(409);
    const shipped = (await mailOf(order.orderId)).filter((message) => message.kind === 'line_shipped');
    expect(shipped).toHaveLength(1);
    expect(shipped[0]!.subject).toBe(`Goods from your order ${order.orderId} have shipped`);
    expect(shipped[0]!.text).toContain('Carrier: KG Post');
    expect(shipped[0]!.text).toContain('Tracking number: KG-7-0001');
    expect(shipped[0]!.html).toContain('KG-7-0001');
    expectNothingPersonal(shipped[0]!, order.idNumber);
  });

  it('tells the shopper of a cancellation once its refund succeeded, once, with refund events replayed', async () => {
    shop.stripe.holdRefunds(true);
    const order = await paid('ru');
    expect((await shop.call('POST', `/api/orders/${order.orderId}/cancel`, undefined, { 'x-order-token': order.token })).status).toBe(200);
    // Requested is not refunded: nothing yet.
    expect((await mailOf(order.orderId)).filter((message) => message.kind === 'refunded')).toEqual([]);
    const refund = shop.stripe.refunds().find((candidate) => candidate.metadata.orderId === order.orderId)!;
    eventCounter += 1;
    const succeeded = JSON.stringify({ id: `evt_mail_refund_${eventCounter}`, object: 'event', type: 'refund.updated', created: Math.floor(Date.now() / 1000), livemode: false, data: { object: { ...refund, status: 'succeeded' } } });
    for (let i = 0; i < 3; i++) expect((await signed(succeeded)).status).toBe(200);
    await shop.stripe.settleRefund(refund.id);
    await eventually(() => shop.order(order.orderId), (stored) => stored.refunds.every((r) => r.status === 'succeeded'));
    await Promise.all([deliver(), deliver(), deliver()]);
    const refunded = (await mailOf(order.orderId)).filter((message) => message.kind === 'refunded');
    expect(refunded).toHaveLength(1);
    expect(refunded[0]!.subject).toBe(`Заказ ${order.orderId} отменён, деньги возвращены`);
    expect(refunded[0]!.text).toMatch(/Сумма возврата: .+/);
    expectNothingPersonal(refunded[0]!, order.idNumber);
  });

  it('tells the shopper their return is accepted, once, with the date the goods are due back', async () => {
    const order = await paid('zh');
    const bearer = { authorization: `Bearer ${tokens.KG}` };
    expect((await shop.call('POST', `/api/pavilion/orders/${order.orderId}/lines/1/shipment`, { carrier: 'KG Post', trackingNumber: 'KG-9-0002' }, bearer)).status).toBe(200);
    expect((await shop.call('POST', `/api/orders/${order.orderId}/lines/1/return`, { reason: '包装破损' }, { 'x-order-token': order.token })).status).toBe(200);
    expect((await shop.call('POST', `/api/pavilion/orders/${order.orderId}/lines/1/return/accept`, undefined, bearer)).status).toBe(200);
    expect((await shop.call('POST', `/api/pavilion/orders/${order.orderId}/lines/1/return/accept`, undefined, bearer)).status).toBe(409);
    const accepted = (await mailOf(order.orderId)).filter((message) => message.kind === 'return_accepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.subject).toBe(`订单 ${order.orderId} 的退货申请已接受`);
    const { lines } = await shop.order(order.orderId);
    expect(accepted[0]!.text).toContain(`请在此日期前寄回商品: ${lines[0]!.returnRequest!.goodsDueBy.slice(0, 10)}`);
    expectNothingPersonal(accepted[0]!, order.idNumber);
  });
});

describe('the pavilion', () => {
  it('hears of new paid lines in one mail per window, in its language, not one per order', async () => {
    // Whatever earlier tests left waiting goes first.
    shop.clock.offsetMs = 2 * PAVILION_BATCH_MINUTES * 60_000;
    await deliver();
    shop.clock.offsetMs = 0;
    const before = mailer.sent.length;
    const first = await paid('en');
    const second = await paid('zh');
    await deliver();
    expect(mailer.sent.slice(before).filter((message) => message.kind === 'pavilion_new_lines')).toEqual([]);

    shop.clock.offsetMs = (PAVILION_BATCH_MINUTES + 1) * 60_000;
    await Promise.all([deliver(), deliver()]);
    const batches = mailer.sent.slice(before).filter((message) => message.kind === 'pavilion_new_lines');
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ to: 'orders@kg.example', subject: 'Новых оплаченных позиций к отправке: 2' });
    expect(batches[0]!.text).toContain(first.orderId);
    expect(batches[0]!.text).toContain(second.orderId);
    expect(batches[0]!.text).toContain(`${PUBLIC_BASE_URL}/pavilion/orders/`);
    expectNothingPersonal(batches[0]!, first.idNumber);

    // Nothing new: nothing more.
    shop.clock.offsetMs = 3 * PAVILION_BATCH_MINUTES * 60_000;
    await deliver();
    expect(mailer.sent.slice(before).filter((message) => message.kind === 'pavilion_new_lines')).toHaveLength(1);
  });

  it('gives each pavilion of an order its own mail, and keeps an order that joined while a batch was sent for the next window', async () => {
    shop.clock.offsetMs = 4 * PAVILION_BATCH_MINUTES * 60_000;
    await deliver();
    shop.clock.offsetMs = 0;
    const before = mailer.sent.length;
    const honey = aProduct({ stock: 10, fulfilment: rail });
    const chocolate = aProduct({ pavilion: 'RU', stock: 10, price: { amount: 39_900, currency: 'RUB' }, fulfilment: rail });
    await shop.deps.catalogue.putProducts([honey, chocolate]);
    const both = await shop.paidOrder({ [honey.id]: 1, [chocolate.id]: 1 });
    await deliver();

    // A sender takes KG's batch; meanwhile another KG order is paid and joins it.
    shop.clock.offsetMs = (PAVILION_BATCH_MINUTES + 1) * 60_000;
    const taken = await outbox.claimBatch('KG', 'slow-sender', { now: shop.clock.now().toISOString(), until: new Date(Date.now() + 60 * 60_000).toISOString() });
    expect(taken?.orderIds).toEqual([both.orderId]);
    const late = await paid('en');
    await deliver();
    await outbox.batchSent('KG', 'slow-sender', taken!.orderIds, shop.clock.now().toISOString());
    // RU's own batch went out with the run above; KG's late order waits a window of its own.
    const pavilionMail = () => mailer.sent.slice(before).filter((message) => message.kind === 'pavilion_new_lines');
    expect(pavilionMail().map((message) => message.to)).toEqual(['orders@ru.example']);
    expect(pavilionMail()[0]!.subject).toBe('New paid lines to ship: 1');
    expect(pavilionMail()[0]!.text).toContain(both.orderId);

    shop.clock.offsetMs = (2 * PAVILION_BATCH_MINUTES + 2) * 60_000;
    await deliver();
    expect(pavilionMail().map((message) => message.to)).toEqual(['orders@ru.example', 'orders@kg.example']);
    expect(pavilionMail()[1]!.text).toContain(late.orderId);
    expect(pavilionMail()[1]!.text).not.toContain(both.orderId);
  });
});
