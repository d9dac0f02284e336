import { describe, expect, it } from 'vitest';
import { batchDueAt, confirmationEntry, newLinesEntry, PAVILION_BATCH_MINUTES, refundEntry, retryAt, returnStepEntry, shippedEntry } from '../../functions/domain/mail/outbox.js';
import { lineShippedMail, orderConfirmedMail, orderPageUrl, pavilionNewLinesMail, refundedMail, returnAcceptedMail } from '../../functions/domain/mail/messages.js';
import { LANGUAGES, type Language } from '../../functions/domain/languages.js';
import type { OrderLine } from '../../functions/domain/order.js';

const ID_NUMBER = '370202199001011234';
const line = {
  orderId: 'ORD-ABCDEFGHJKMNPQRS', lineNo: 1, productId: 'KG-1', pavilion: 'KG', sku: 'S', quantity: 2,
  title: { zh: '白蜜 <特级>', ru: 'Белый мёд', en: 'White honey' },
  carrier: 'KG Post', trackingNumber: 'KG-1-0001', paidAt: '2026-11-30T10:00:00.000Z', fulfilment: 'shipped',
  shipTo: { recipient: { name: '王芳', phone: '13800138000', address: '香港中路 8 号' }, buyerName: '王芳', buyerIdMasked: '370***********1234' },
  returnRequest: { status: 'accepted', reason: 'x', requestedAt: '2026-12-01T00:00:00.000Z', goodsDueBy: '2027-01-15T00:00:00.000Z' },
} as unknown as OrderLine;
const order = (language: Language) => ({ orderId: line.orderId, language, total: { amount: 12_345, currency: 'CNY' as const } });
const refund = { cause: 'cancellation' as const, amount: { amount: 12_345, currency: 'CNY' as const }, lines: [{ lineNo: 1 }] } as never;

const SUBJECTS: Record<Language, RegExp> = { zh: /[\u4e00-\u9fff]/, ru: /[А-Яа-яЁё]/, en: /^[\x20-\x7e]+$/ };

describe('mail messages', () => {
  for (const language of LANGUAGES) {
    it(`are written in ${language}, each with a plain-text and an HTML part, and never carry the ID number or the recipient`, () => {
      const input = { order: order(language), lines: [line] };
      const mails = [
        orderConfirmedMail(input, orderPageUrl('https://shop.test/', order(language), 'tok_123')),
        lineShippedMail(input, 1)!,
        refundedMail(input, refund),
        returnAcceptedMail(input, 1)!,
        pavilionNewLinesMail(language, [line], 'https://shop.test/pavilion/orders/'),
      ];
      for (const mail of mails) {
        expect(mail.subject).toMatch(SUBJECTS[language]);
        expect(mail.text.length).toBeGreaterThan(20);
        expect(mail.html).toContain(`<html lang="${language === 'zh' ? 'zh-CN' : language}">`);
        for (const part of [mail.subject, mail.text, mail.html]) {
          for (const secret of [ID_NUMBER, '370***********1234', '19900101', '王芳', '13800138000', '香港中路']) expect(part).not.toContain(secret);
        }
      }
    });
  }

  it('escapes what it quotes in the HTML part and links the order page with its token in the fragment', () => {
    const mail = orderConfirmedMail({ order: order('zh'), lines: [line] }, orderPageUrl('https://shop.test/', order('zh'), 'tok_123'));
    expect(mail.html).toContain('白蜜 &lt;特级&gt; × 2');
    expect(mail.text).toContain('白蜜 <特级> × 2');
    expect(mail.text).toContain('https://shop.test/zh/order/?id=ORD-ABCDEFGHJKMNPQRS#token=tok_123');
    expect(mail.text).toContain('¥123.45');
  });

  it('leave out what they cannot say: no link without a token, no shipment mail for a line without tracking', () => {
    expect(orderConfirmedMail({ order: order('en'), lines: [line] }, null).text).not.toContain('token=');
    expect(lineShippedMail({ order: order('en'), lines: [{ ...line, trackingNumber: undefined } as unknown as OrderLine] }, 1)).toBeNull();
    expect(lineShippedMail({ order: order('en'), lines: [line] }, 2)).toBeNull();
  });

  it('tell a cancellation from a line refund and a returned line', () => {
    const input = { order: order('en'), lines: [line] };
    expect(refundedMail(input, refund).subject).toBe(`Your order ${line.orderId} is cancelled and refunded`);
    expect(refundedMail(input, { ...(refund as object), cause: 'pavilion' } as never).subject).toBe(`A refund for your order ${line.orderId}`);
    expect(refundedMail(input, { ...(refund as object), cause: 'return' } as never).text).toContain('no tax kept');
  });
});

describe('outbox entries', () => {
  const now = '2026-11-30T10:00:00.000Z';
  it('take their ids from their causes, so one cause is one record', () => {
    expect(confirmationEntry('ORD-1', now).mailId).toBe('confirmed');
    expect(shippedEntry({ orderId: 'ORD-1', lineNo: 7 }, now).mailId).toBe('shipped#007');
    expect(refundEntry({ orderId: 'ORD-1', refundId: 'RFD-9' }, { refundStatus: 'succeeded' }, now)?.mailId).toBe('refunded#RFD-9');
    expect(returnStepEntry('ORD-1', 2, { status: 'accepted' }, now)?.mailId).toBe('return-accepted#002');
  });

  it('write nothing for what the shopper is not told: a failed refund, a return asked, declined or received', () => {
    expect(refundEntry({ orderId: 'ORD-1', refundId: 'RFD-9' }, { refundStatus: 'failed' }, now)).toBeNull();
    for (const status of ['requested', 'declined', 'received', 'refunded'] as const) expect(returnStepEntry('ORD-1', 1, { status }, now)).toBeNull();
  });

  it('give an order one record for all its pavilions, due at once, and a pavilion batch its window', () => {
    expect(newLinesEntry('ORD-1', ['RU', 'KG', 'KG'], now)).toMatchObject({ mailId: 'new-lines', pavilions: ['KG', 'RU'], dueAt: now });
    expect(batchDueAt(now)).toBe(new Date(Date.parse(now) + PAVILION_BATCH_MINUTES * 60_000).toISOString());
  });

  it('space retries further apart each time', () => {
    expect([1, 2, 3, 4].map((attempts) => (Date.parse(retryAt(now, attempts)) - Date.parse(now)) / 60_000)).toEqual([1, 2, 4, 8]);
  });
});
