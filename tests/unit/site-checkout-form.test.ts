import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHINA_DIVISIONS } from '../../functions/domain/data/china-divisions.js';
import { checkoutBody, CHECKOUT_FIELDS, earlyNotes, idNumberNoteKey, isAccepted, type CheckoutDetails } from '../../site/src/features/cart/checkout-fields.js';
import { figureRows } from '../../site/src/features/cart/checkout-figures.js';
import { cityChoices, districtChoices, provinceChoices } from '../../site/src/features/cart/divisions.js';
import { checkoutFailureOf } from '../../site/src/features/cart/notes.js';
import { noticeVersionDate } from '../../site/src/features/cart/notice-version.js';
import { areaOf } from '../../functions/domain/address.js';
import { parseRememberedRecipient, recipientToRemember } from '../../site/src/features/cart/recipient-memory.js';
import { rememberCheckout, rememberedRecipient, rememberRecipient } from '../../site/src/features/cart/session.js';

const TODAY = '2026-11-30';

const FILLED: CheckoutDetails = {
  email: 'shopper@example.com',
  recipient: { name: '王芳', phone: '13800138000', province: '370000', city: '370200', district: '370202', address: '香港中路 8 号 1201 室', postcode: '266071' },
  buyer: { name: '王芳', idNumber: '11010519491231002X', phone: '' },
  noticeAccepted: true,
};

describe('the checkout form’s early check', () => {
  it('lets a complete form through untouched', () => {
    expect(earlyNotes(FILLED, TODAY).size).toBe(0);
  });

  it('marks every empty field in the order the page shows them, and only the first list not yet chosen', () => {
    const empty: CheckoutDetails = {
      email: '',
      recipient: { name: '', phone: '', province: '', city: '', district: '', address: '', postcode: '' },
      buyer: { name: '', idNumber: '', phone: '' },
      noticeAccepted: false,
    };
    const notes = earlyNotes(empty, TODAY);
    expect([...notes.keys()]).toEqual(['recipient.name', 'recipient.phone', 'recipient.province', 'recipient.address', 'recipient.postcode', 'buyer.name', 'buyer.idNumber', 'noticeAccepted', 'email']);
    expect([...notes.keys()]).toEqual(CHECKOUT_FIELDS.filter((field) => notes.has(field)));
    expect(notes.get('recipient.province')).toBe('cart.chooseOne');
    expect(notes.get('noticeAccepted')).toBe('cart.noticeRequired');
    const cityMissing = earlyNotes({ ...FILLED, recipient: { ...FILLED.recipient, city: '', district: '' } }, TODAY);
    expect([...cityMissing.keys()]).toEqual(['recipient.city']);
  });

  it('checks the phones and the postcode by the server’s rules', () => {
    const notes = (recipient: Partial<CheckoutDetails['recipient']>, buyerPhone = '') =>
      earlyNotes({ ...FILLED, recipient: { ...FILLED.recipient, ...recipient }, buyer: { ...FILLED.buyer, phone: buyerPhone } }, TODAY);
    expect(notes({ phone: '23800138000' }).get('recipient.phone')).toBe('cart.phoneInvalid');
    expect(notes({ phone: '+86 138 0013 8000' }).size).toBe(0);
    expect(notes({ postcode: '26607' }).get('recipient.postcode')).toBe('cart.postcodeInvalid');
    expect(notes({}, '0532-8888888').get('buyer.phone')).toBe('cart.phoneInvalid');
  });

  it('checks the ID number by the server’s rule and says which part is wrong', () => {
    expect(idNumberNoteKey('11010519491231002X', TODAY)).toBeNull();
    expect(idNumberNoteKey('11010519491231002x', TODAY)).toBeNull();
    expect(idNumberNoteKey('110105 19491231 002X', TODAY)).toBeNull();
    expect(idNumberNoteKey('110105194912310021', TODAY)).toBe('cart.idCheckDigit');
    expect(idNumberNoteKey('110105194902310021', TODAY)).toBe('cart.idBirthDate');
    expect(idNumberNoteKey('1101051949123100', TODAY)).toBe('cart.idFormat');
    expect(earlyNotes({ ...FILLED, buyer: { ...FILLED.buyer, idNumber: '440524188001010015' } }, TODAY).get('buyer.idNumber')).toBe('cart.idCheckDigit');
  });

  it('reads full-width digits from a Chinese input method as the server does, and sends them as ASCII', () => {
    const fullWidth: CheckoutDetails = {
      ...FILLED,
      recipient: { ...FILLED.recipient, phone: '１３８ ００１３ ８０００', postcode: '２６６０７１' },
      buyer: { ...FILLED.buyer, phone: '＋８６ １３９００１３９０００', idNumber: '１１０１０５１９４９１２３１００２Ｘ' },
    };
    expect(earlyNotes(fullWidth, TODAY).size).toBe(0);
    expect(idNumberNoteKey('１１０１０５１９４９１２３１００２ｘ', TODAY)).toBeNull();
    if (!isAccepted(fullWidth)) throw new Error('accepted above');
    const body = checkoutBody(fullWidth, TODAY);
    expect(body.recipient).toMatchObject({ phone: '13800138000', postcode: '266071' });
    expect(body.buyer).toEqual({ name: '王芳', idNumber: '11010519491231002X', phone: '13900139000' });
    // Full-width, a wrong number is still wrong.
    expect(earlyNotes({ ...fullWidth, recipient: { ...fullWidth.recipient, postcode: '２６６０７' } }, TODAY).get('recipient.postcode')).toBe('cart.postcodeInvalid');
  });

  it('sends the ID number as customs reads it, the notice version shown, and no empty buyer phone', () => {
    const details = { ...FILLED, buyer: { ...FILLED.buyer, idNumber: '11010519491231002x' } };
    if (!isAccepted(details)) throw new Error('accepted above');
    const body = checkoutBody(details, '2026-11-30');
    expect(body.buyer).toEqual({ name: '王芳', idNumber: '11010519491231002X' });
    expect(body).toMatchObject({ email: 'shopper@example.com', noticeAccepted: true, noticeVersion: '2026-11-30', recipient: FILLED.recipient });
    expect(checkoutBody({ ...details, buyer: { ...details.buyer, phone: '13900139000' } }, 'v').buyer.phone).toBe('13900139000');
    expect(isAccepted({ ...FILLED, noticeAccepted: false })).toBe(false);
  });
});

describe('a refused checkout, field by field', () => {
  it('puts each field the server names beside that field, in the page’s words, and leaves out paths the form has no field for', () => {
    const failure = checkoutFailureOf(400, {
      title: 'The request is not valid',
      status: 400,
      errors: [
        { field: 'recipient.phone', message: 'a mainland mobile number' },
        { field: 'buyer.idNumber', message: 'the last character does not match' },
        { field: 'recipient.district', message: 'not a district of the city chosen' },
        { field: 'noticeAccepted', message: 'the consumer notice must be accepted' },
        { field: 'cartId', message: 'a cart id' },
      ],
    });
    expect(failure.kind).toBe('fields');
    if (failure.kind !== 'fields') return;
    expect(Object.fromEntries([...failure.fields].map(([field, note]) => [field, note.key]))).toEqual({
      'recipient.phone': 'cart.phoneInvalid',
      'buyer.idNumber': 'cart.idInvalid',
      'recipient.district': 'cart.divisionInvalid',
      noticeAccepted: 'cart.noticeRequired',
    });
    expect(failure.note.key).toBe('cart.fieldsRefused');
    expect(checkoutFailureOf(400, { title: 'Bad', status: 400, errors: [{ field: 'cartId', message: 'a cart id' }] })).toMatchObject({ kind: 'summary', note: { key: 'cart.failed' } });
  });

  it('asks for the notice to be read again when it changed since the page was built', () => {
    const failure = checkoutFailureOf(409, { title: 'The consumer notice has changed', status: 409, reason: 'notice_changed', errors: [{ field: 'noticeVersion', message: '…' }] });
    expect(failure.kind === 'fields' && failure.fields.get('noticeAccepted')?.key).toBe('cart.noticeChanged');
  });

  it('says what is left of the buyer’s yearly CNY 26,000, or that nothing is', () => {
    const remaining = { amount: 123_456, currency: 'CNY' } as const;
    expect(checkoutFailureOf(422, { title: 'Over', status: 422, reason: 'over_yearly_limit', remaining })).toEqual({
      kind: 'summary',
      note: { key: 'cart.overYearly', amounts: { remaining }, tone: 'bad' },
    });
    expect(checkoutFailureOf(422, { title: 'Over', status: 422, reason: 'over_yearly_limit', remaining: { amount: 0, currency: 'CNY' } })).toMatchObject({ note: { key: 'cart.yearlyUsedUp' } });
    expect(checkoutFailureOf(422, { title: 'Over', status: 422, reason: 'over_cross_border_limit', remaining })).toMatchObject({
      note: { key: 'cart.overLimitRemaining', amounts: { remaining } },
    });
  });
});

describe('the summary’s figures', () => {
  it('reads goods, freight and tax in that order, and freight of nothing as free', () => {
    const cny = (amount: number) => ({ amount, currency: 'CNY' as const });
    const rows = figureRows({ goods: cny(42_000), freight: cny(0), tax: cny(2_646) });
    expect(rows.map((row) => [row.name, row.value.amount, row.free])).toEqual([['goods', 42_000, false], ['freight', 0, true], ['tax', 2_646, false]]);
    expect(figureRows({ goods: cny(1), freight: cny(3_100), tax: cny(0) })[1]?.free).toBe(false);
  });
});

describe('the address lists', () => {
  it('offer the cities of the province chosen and the districts of the city chosen, by GB/T 2260 code', () => {
    expect(provinceChoices(CHINA_DIVISIONS)).toContainEqual({ code: '370000', name: '山东省' });
    expect(cityChoices(CHINA_DIVISIONS, '370000')).toContainEqual({ code: '370200', name: '青岛市' });
    expect(districtChoices(CHINA_DIVISIONS, '370000', '370200')).toContainEqual({ code: '370202', name: '市南区' });
    expect(districtChoices(CHINA_DIVISIONS, '110000', '370200')).toEqual([]);
    expect(cityChoices(CHINA_DIVISIONS, '')).toEqual([]);
    // A municipality has one city level, which the page then chooses by itself.
    expect(cityChoices(CHINA_DIVISIONS, '110000')).toEqual([{ code: '110100', name: '北京市' }]);
  });

  it('are said on the order page as the domain writes them: largest first, no spaces, a municipality once', () => {
    const division = (code: string, name: string) => ({ code, name });
    expect(areaOf({ province: division('370000', '山东省'), city: division('370200', '青岛市'), district: division('370202', '市南区') })).toBe('山东省青岛市市南区');
    expect(areaOf({ province: division('110000', '北京市'), city: division('110100', '北京市'), district: division('110105', '朝阳区') })).toBe('北京市朝阳区');
  });
});

describe('the consumer notice’s version', () => {
  it('reads as a date in the page’s language, on the cart page and the order page alike', () => {
    expect(noticeVersionDate('2026-11-30', 'ru-RU')).toBe('30 ноября 2026 г.');
    expect(noticeVersionDate('2026-11-30', 'zh-CN')).toBe('2026年11月30日');
    expect(noticeVersionDate('2026-11-30', 'en-GB')).toBe('30 November 2026');
    expect(noticeVersionDate('v2', 'en-GB')).toBe('v2');
  });
});

/** A Storage kept in a Map, standing in for the browser's in these tests. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  dump() {
    return JSON.stringify([...this.items]);
  }
}

describe('what the browser keeps of a checkout', () => {
  let local: MemoryStorage;
  let session: MemoryStorage;
  beforeEach(() => {
    local = new MemoryStorage();
    session = new MemoryStorage();
    Object.assign(globalThis, { localStorage: local, sessionStorage: session });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
    Reflect.deleteProperty(globalThis, 'sessionStorage');
  });

  it('remembers the recipient field by field and never the ID number, even handed one', () => {
    const withBuyer = { ...FILLED.recipient, idNumber: '11010519491231002X', buyer: FILLED.buyer } as unknown as CheckoutDetails['recipient'];
    rememberRecipient(withBuyer);
    expect(local.dump()).not.toContain('11010519491231002X');
    expect(rememberedRecipient()).toEqual(FILLED.recipient);
    expect(recipientToRemember(withBuyer)).toEqual(FILLED.recipient);
  });

  it('keeps only the order id, its token and the email for the way back from the payment page', () => {
    const handed = { orderId: 'ORD-180BJZHDASASSD23', token: 'A'.repeat(43), email: 'shopper@example.com', buyer: FILLED.buyer };
    rememberCheckout(handed);
    expect(session.dump()).not.toContain('11010519491231002X');
    expect(JSON.parse(session.getItem('sco-checkout') ?? '{}')).toEqual({ orderId: handed.orderId, token: handed.token, email: handed.email });
  });

  it('ignores a stored entry it did not write', () => {
    expect(parseRememberedRecipient('not json')).toBeNull();
    expect(parseRememberedRecipient(JSON.stringify({ name: 'x' }))).toBeNull();
    expect(parseRememberedRecipient(JSON.stringify({ ...FILLED.recipient, name: 'x'.repeat(500) }))).toBeNull();
    expect(parseRememberedRecipient(JSON.stringify({ ...FILLED.recipient, extra: 1 }))).toEqual(FILLED.recipient);
  });
});
