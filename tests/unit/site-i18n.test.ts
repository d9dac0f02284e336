import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../functions/domain/languages.js';
import { UI } from '../../site/src/i18n/ui.js';
import { price, t } from '../../site/src/i18n/translate.js';
import { alternates, inLanguage, paths } from '../../site/src/i18n/paths.js';
import { chooseLanguage } from '../../site/src/i18n/choose-language.js';

describe('the storefront dictionary', () => {
  it('has every UI string in Chinese, Russian and English, none empty', () => {
    const keys = Object.keys(UI.en).sort();
    for (const lang of LANGUAGES) {
      expect(Object.keys(UI[lang]).sort()).toEqual(keys);
      for (const entry of Object.values(UI[lang])) {
        const forms = typeof entry === 'string' ? [entry] : Object.values(entry);
        for (const form of forms) expect(form.trim()).not.toBe('');
      }
    }
  });

  it('fills placeholders and picks Russian plural forms by number', () => {
    expect(t('ru', 'count.products', { n: 1 })).toBe('1 товар');
    expect(t('ru', 'count.products', { n: 3 })).toBe('3 товара');
    expect(t('ru', 'count.products', { n: 11 })).toBe('11 товаров');
    expect(t('en', 'count.products', { n: 1 })).toBe('1 product');
    expect(t('zh', 'count.products', { n: 5 })).toBe('5 件商品');
    expect(t('en', 'product.more', { pavilion: 'Kyrgyzstan' })).toBe('More from Kyrgyzstan');
  });

  it('shows prices in the pavilion currency with the shopper’s number conventions', () => {
    const honey = { amount: 120000, currency: 'KGS' } as const;
    expect(price(honey, 'en')).toBe('KGS\u00a01,200.00');
    // The symbol (KGS or сом) depends on the ICU version; the digits and separators do not.
    expect(price(honey, 'ru')).toMatch(/^1\u00a0200,00\u00a0/);
  });
});

describe('the URL scheme', () => {
  it('puts every page under its language, ending in a slash', () => {
    expect(paths.home('zh')).toBe('/zh/');
    expect(paths.pavilion('ru', 'KG')).toBe('/ru/pavilions/kg/');
    expect(paths.product('en', 'kg-issyk-kul-white-honey')).toBe('/en/products/kg-issyk-kul-white-honey/');
    expect(paths.category('zh', 'honey')).toBe('/zh/categories/honey/');
    expect(paths.cart('ru')).toBe('/ru/cart/');
  });

  it('links a page to the same page in the other languages', () => {
    expect(inLanguage('/zh/products/kg-honey/', 'ru')).toBe('/ru/products/kg-honey/');
    expect(inLanguage('/en/', 'zh')).toBe('/zh/');
    expect(inLanguage('/en', 'ru')).toBe('/ru/');
    expect(alternates('/ru/pavilions/kg/').map((alt) => alt.path)).toEqual(['/zh/pavilions/kg/', '/ru/pavilions/kg/', '/en/pavilions/kg/']);
  });
});

describe('choosing a language at /', () => {
  it('honours the language the shopper chose before', () => {
    expect(chooseLanguage('ru', ['zh-CN'])).toBe('ru');
  });

  it('takes the first browser language the site speaks', () => {
    expect(chooseLanguage(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(chooseLanguage(null, ['zh-TW'])).toBe('zh');
    expect(chooseLanguage(null, ['fr-FR', 'ru-RU', 'en'])).toBe('ru');
  });

  it('offers Russian to Central Asian browsers and Chinese by default', () => {
    expect(chooseLanguage(null, ['kk-KZ'])).toBe('ru');
    expect(chooseLanguage(null, ['ky'])).toBe('ru');
    expect(chooseLanguage(null, ['fr-FR'])).toBe('zh');
    expect(chooseLanguage('xx', [])).toBe('zh');
  });
});
