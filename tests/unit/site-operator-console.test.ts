import { describe, expect, it } from 'vitest';
import { areaOf } from '../../functions/domain/address.js';
import { ORDER_STATUSES } from '../../functions/domain/order.js';
import { csvFileName } from '../../site/src/features/operator/download.js';
import { chinaTime } from '../../site/src/features/operator/format.js';
import { CONSOLE_LANGUAGES, WORDS, preferredLanguage, wordsIn } from '../../site/src/features/operator/i18n.js';
import { orderIdFrom } from '../../site/src/features/operator/order-id.js';
import { refusalMessage, refusalOf } from '../../site/src/features/operator/refusal.js';

describe('the order id an operator types', () => {
  it('is taken as the API spells it: spaces dropped, upper case, ORD- added when left out', () => {
    expect(orderIdFrom('ORD-7K3M9Q2D5X8B1N4R')).toBe('ORD-7K3M9Q2D5X8B1N4R');
    expect(orderIdFrom('  ord-7k3m 9q2d 5x8b 1n4r ')).toBe('ORD-7K3M9Q2D5X8B1N4R');
    expect(orderIdFrom('7K3M9Q2D5X8B1N4R')).toBe('ORD-7K3M9Q2D5X8B1N4R');
  });

  it('is refused before any request when it cannot be an order id', () => {
    for (const input of ['', 'ORD-', 'ORD-7K3M9Q2D5X8B1N4', 'ORD-7K3M9Q2D5X8B1N4RX', 'ORD-7K3M9Q2D5X8B1N4O', 'ORD-7K3M9Q2D5X8B1N4I', 'ORD-7K3M9Q2D5X8B1N4/', 'ORD_7K3M9Q2D5X8B1N4R']) {
      expect(orderIdFrom(input), input).toBeNull();
    }
  });
});

describe('what the console makes of an operator route’s refusal', () => {
  it('signs in again on 401, says “not an operator” on 403, and tells a missing order from an unpaid one', () => {
    expect(refusalOf(401, { title: 'The token is not valid' })).toEqual({ kind: 'signed-out' });
    expect(refusalOf(403, { title: 'This account is not an operator' })).toEqual({ kind: 'forbidden' });
    expect(refusalOf(404, { title: 'No such order' })).toEqual({ kind: 'missing' });
    expect(refusalOf(409, { title: 'The order is not paid', orderStatus: 'pending_payment' })).toEqual({ kind: 'unpaid', orderStatus: 'pending_payment' });
  });

  it('tells an unpaid order from a paid one that may not be declared, by the 409’s reason', () => {
    expect(refusalOf(409, { title: 'The order cannot be declared', reason: 'over_yearly_limit' })).toEqual({ kind: 'not_declarable', reason: 'over_yearly_limit' });
    expect(refusalOf(409, { title: 'The order cannot be declared', reason: 'no_buyer_details' })).toEqual({ kind: 'not_declarable', reason: 'no_buyer_details' });
    // A reason the console does not know yet is passed on in the API's own words, not taken for "unpaid".
    expect(refusalOf(409, { title: 'The order cannot be declared', detail: 'Something new.', reason: 'something_new' })).toEqual({
      kind: 'failed',
      reason: 'The order cannot be declared: Something new.',
    });
  });

  it('passes anything else on with the problem’s own title and detail, whatever the body was', () => {
    expect(refusalOf(400, { title: 'Invalid request', detail: 'orderId: an order id such as ORD-7K3M9Q2D5X8B1N4R' })).toEqual({
      kind: 'failed',
      reason: 'Invalid request: orderId: an order id such as ORD-7K3M9Q2D5X8B1N4R',
    });
    expect(refusalOf(502, 'Bad Gateway')).toEqual({ kind: 'failed', reason: 'HTTP 502' });
    expect(refusalOf(409, {})).toEqual({ kind: 'unpaid', orderStatus: null });
    expect(refusalOf(409, { orderStatus: 'on_the_moon' })).toEqual({ kind: 'unpaid', orderStatus: null });
  });

  it('says which order is missing or unpaid, in the operator’s language', () => {
    const id = 'ORD-7K3M9Q2D5X8B1N4R';
    expect(refusalMessage({ kind: 'missing' }, id, 'en')).toBe(`There is no order ${id}.`);
    expect(refusalMessage({ kind: 'missing' }, id, 'zh')).toBe(`没有订单 ${id}。`);
    expect(refusalMessage({ kind: 'failed', reason: 'HTTP 502' }, id, 'en')).toBe('The document could not be loaded: HTTP 502');
  });

  it('names an unpaid order’s status in words, never as its code', () => {
    const id = 'ORD-7K3M9Q2D5X8B1N4R';
    expect(refusalMessage({ kind: 'unpaid', orderStatus: 'pending_payment' }, id, 'zh')).toBe(`订单 ${id} 未付款（待付款）：只有已付款订单才会入境，因此只有它们有报关单。`);
    expect(refusalMessage({ kind: 'unpaid', orderStatus: 'expired' }, id, 'ru')).toMatch(new RegExp(`^Заказ ${id} не оплачен \\(истёк срок оплаты\\):`));
    expect(refusalMessage({ kind: 'unpaid', orderStatus: 'payment_failed' }, id, 'en')).toMatch(new RegExp(`^Order ${id} is not paid \\(the payment failed\\):`));
    for (const lang of CONSOLE_LANGUAGES) {
      for (const orderStatus of [...ORDER_STATUSES, null]) {
        const text = refusalMessage({ kind: 'unpaid', orderStatus }, id, lang);
        expect(text, `${orderStatus} in ${lang}`).not.toMatch(/[a-z]+_[a-z_]+|\{/);
      }
    }
  });

  it('says what to do with a paid order that may not be declared', () => {
    const id = 'ORD-7K3M9Q2D5X8B1N4R';
    expect(refusalMessage({ kind: 'not_declarable', reason: 'over_yearly_limit' }, id, 'en')).toContain('Refund it; do not declare it.');
    expect(refusalMessage({ kind: 'not_declarable', reason: 'over_yearly_limit' }, id, 'zh')).toContain('请退款，切勿申报');
    expect(refusalMessage({ kind: 'not_declarable', reason: 'over_yearly_limit' }, id, 'ru')).toContain('Верните деньги');
    for (const lang of CONSOLE_LANGUAGES) {
      expect(refusalMessage({ kind: 'not_declarable', reason: 'no_buyer_details' }, id, lang)).toContain(id);
    }
    expect(refusalMessage({ kind: 'not_declarable', reason: 'no_buyer_details' }, id, 'zh')).toContain('收货人和订购人');
  });
});

describe('the console’s words', () => {
  it('exist in Chinese, Russian and English, none empty, with the same placeholders in each', () => {
    for (const [key, entry] of Object.entries(WORDS)) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      for (const lang of CONSOLE_LANGUAGES) {
        expect(entry[lang].trim(), `${key} in ${lang}`).not.toBe('');
        expect(placeholders(entry[lang]), `${key} in ${lang}`).toEqual(placeholders(entry.en));
      }
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(wordsIn('en', 'doc.order', { orderId: 'ORD-1' })).toBe('Order ORD-1');
    expect(wordsIn('zh', 'doc.order')).toBe('订单 {orderId}');
  });

  it('follow the browser’s first language the console speaks, else English', () => {
    expect(preferredLanguage(['de-DE', 'ru-RU', 'zh-CN'])).toBe('ru');
    expect(preferredLanguage(['zh-Hans-CN'])).toBe('zh');
    expect(preferredLanguage(['ZH-TW'])).toBe('zh');
    expect(preferredLanguage(['fr'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });
});

describe('the document’s figures and names', () => {
  it('gives times in China time, as the customs year counts them, and says so', () => {
    // 16:30 UTC on New Year's Eve is already the next year in China.
    expect(chinaTime('2025-12-31T16:30:00.000Z', 'en-GB')).toBe('1 Jan 2026, 00:30 UTC+8');
    expect(chinaTime('2025-12-31T16:30:00.000Z', 'zh-CN')).toBe('2026年1月1日 00:30 UTC+8');
  });

  it('writes province, city and district as the domain does (functions/domain/address.ts): largest first, a municipality once', () => {
    const division = (name: string) => ({ code: '000000', name });
    expect(areaOf({ province: division('山东省'), city: division('青岛市'), district: division('市南区') })).toBe('山东省青岛市市南区');
    expect(areaOf({ province: division('北京市'), city: division('北京市'), district: division('朝阳区') })).toBe('北京市朝阳区');
  });

  it('saves the CSV under the name the API gives it, or one made from the order id', () => {
    expect(csvFileName('attachment; filename="customs-ORD-7K3M9Q2D5X8B1N4R.csv"', 'ORD-7K3M9Q2D5X8B1N4R')).toBe('customs-ORD-7K3M9Q2D5X8B1N4R.csv');
    expect(csvFileName(null, 'ORD-7K3M9Q2D5X8B1N4R')).toBe('customs-ORD-7K3M9Q2D5X8B1N4R.csv');
    // A name with a path or anything odd in it is not taken.
    expect(csvFileName('attachment; filename="../../etc/passwd"', 'ORD-7K3M9Q2D5X8B1N4R')).toBe('customs-ORD-7K3M9Q2D5X8B1N4R.csv');
  });
});
