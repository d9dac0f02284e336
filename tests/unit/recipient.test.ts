import { describe, expect, it } from 'vitest';
import { resolveDivisions } from '../../functions/domain/china-divisions.js';
import { CHINA_DIVISIONS } from '../../functions/domain/data/china-divisions.js';
import { normalizePhone } from '../../functions/domain/mainland-contact.js';
import { fullAddress } from '../../functions/domain/address.js';
import { checkRecipientAndBuyer } from '../../functions/domain/recipient.js';

const NOW = '2026-11-30T08:00:00.000Z';
const recipient = { name: ' 王芳 ', phone: '138 0013 8000', province: '370000', city: '370200', district: '370202', address: '香港中路 8 号 1201 室', postcode: '266071' };
const buyer = { name: '王芳', idNumber: '11010519491231002x' };

describe('mainland divisions', () => {
  it('holds every province-level division of the mainland, with cities and districts under each', () => {
    expect(CHINA_DIVISIONS).toHaveLength(31);
    for (const [code, , cities] of CHINA_DIVISIONS) {
      expect(code).toMatch(/^\d{2}0000$/);
      expect(cities.length).toBeGreaterThan(0);
      for (const [cityCode, , districts] of cities) {
        expect(cityCode.slice(0, 2)).toBe(code.slice(0, 2));
        for (const [districtCode] of districts) expect(districtCode.slice(0, 4)).toBe(cityCode.slice(0, 4));
      }
    }
  });

  it('resolves codes and names alike, and names the level that is wrong', () => {
    expect(resolveDivisions('山东省', '青岛市', '市南区')).toEqual(resolveDivisions('370000', '370200', '370202'));
    expect(resolveDivisions('北京市', '北京市', '朝阳区')).toMatchObject({ city: { code: '110100', name: '北京市' }, district: { code: '110105' } });
    expect(resolveDivisions('台北市', '台北市', '中正区')).toBe('province');
    expect(resolveDivisions('110000', '370200', '370202')).toBe('city');
    expect(resolveDivisions('370000', '370200', '110105')).toBe('district');
  });
});

describe('the recipient and the buyer at checkout', () => {
  it('normalizes what people type and keeps the divisions as code and name', () => {
    const checked = checkRecipientAndBuyer(recipient, buyer, NOW);
    if ('issues' in checked) throw new Error(JSON.stringify(checked.issues));
    expect(checked.recipient).toEqual({
      name: '王芳', phone: '13800138000', address: '香港中路 8 号 1201 室', postcode: '266071',
      province: { code: '370000', name: '山东省' }, city: { code: '370200', name: '青岛市' }, district: { code: '370202', name: '市南区' },
    });
    expect(checked.buyer).toEqual({ name: '王芳', idNumber: '11010519491231002X', idNumberMasked: '110***********002X', phone: '13800138000' });
    expect(fullAddress(checked.recipient)).toBe('山东省青岛市市南区香港中路 8 号 1201 室');
  });

  it.each([
    ['+86 138 0013 8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
  ])('reads the phone %s as %s', (typed, read) => {
    expect(normalizePhone(typed)).toBe(read);
  });

  it.each([
    ['recipient.phone', { ...recipient, phone: '23800138000' }, buyer],
    ['recipient.phone', { ...recipient, phone: '1380013800' }, buyer],
    ['recipient.postcode', { ...recipient, postcode: '26607' }, buyer],
    ['recipient.province', { ...recipient, province: 'Atlantis' }, buyer],
    ['recipient.city', { ...recipient, city: '110100' }, buyer],
    ['recipient.district', { ...recipient, district: '110105' }, buyer],
    ['buyer.idNumber', recipient, { ...buyer, idNumber: '110105194912310021' }],
    ['buyer.idNumber', recipient, { ...buyer, idNumber: '110105194902300021' }],
    ['buyer.phone', recipient, { ...buyer, phone: '12345' }],
  ])('names %s when it is wrong', (field, recipientInput, buyerInput) => {
    const checked = checkRecipientAndBuyer(recipientInput, buyerInput, NOW);
    expect('issues' in checked && checked.issues.map((issue) => issue.field)).toEqual([field]);
  });

  it('never puts the ID number in an issue', () => {
    const checked = checkRecipientAndBuyer(recipient, { ...buyer, idNumber: '110105194912310021' }, NOW);
    expect(JSON.stringify(checked)).not.toContain('110105194912310021');
  });
});
