import { describe, expect, it } from 'vitest';
import { SEED_PAVILIONS, seedProducts } from '../../infra/local/seed/index.js';
import type { CatalogueSnapshot } from '../../infra/site-build/catalogue-snapshot.js';
import { searchRecords } from '../../infra/site-build/search-records.js';
import { publicProduct } from '../../functions/http/catalogue-app.js';
import {
  bandBounds,
  pagefindFilters,
  pagefindSort,
  PRICE_BANDS,
  priceBand,
  readSearchQuery,
  searchQueryParams,
  sortValue,
} from '../../site/src/features/search/facets.js';
import { pageCount, pageOf, pagerPages } from '../../site/src/features/listing/pages.js';
import { paths } from '../../site/src/i18n/paths.js';

/** The seed catalogue with a yuan rate for the som only (1 KGS = 0.0812 CNY). */
function snapshot(): CatalogueSnapshot {
  const rate = (currency: string, numerator: number, denominator: number) => ({ currency, from: currency, to: 'CNY', numerator, denominator, asOf: '2026-01-05', source: 'test' });
  return {
    generatedAt: '2026-01-05T00:00:00.000Z',
    pavilions: SEED_PAVILIONS.map((pavilion) => ({ ...pavilion, productCount: 0 })),
    products: seedProducts(new Date('2026-01-05T00:00:00Z')).map(publicProduct),
    rates: {
      asOf: '2026-01-05', source: 'test', loadedAt: '2026-01-05T00:00:00.000Z', fresh: true, freshUntil: '2026-01-07T00:00:00.000Z', maxAgeHours: 48,
      rates: [rate('CNY', 1, 1), rate('KGS', 203, 2500)],
    },
  } as unknown as CatalogueSnapshot;
}

describe('the search facets', () => {
  it('puts a price in yuan into its band, the last one open-ended', () => {
    expect(PRICE_BANDS).toEqual(['0-50', '50-100', '100-200', '200-500', '500-1000', '1000-']);
    expect(priceBand(0)).toBe('0-50');
    expect(priceBand(4999)).toBe('0-50');
    expect(priceBand(5000)).toBe('50-100');
    expect(priceBand(99_999)).toBe('500-1000');
    expect(priceBand(100_000)).toBe('1000-');
    expect(bandBounds('1000-')).toEqual({ from: 1000, to: null });
    expect(bandBounds('7-9')).toBeNull();
  });

  it('reads a search from its address and writes it back the same, ignoring what it does not know', () => {
    const query = readSearchQuery(new URLSearchParams('q=%20蜂蜜%20&pavilion=KG&pavilion=KZ&price=50-100&sort=price-asc&colour=red'));
    expect(query.q).toBe('蜂蜜');
    expect(query.filters.pavilion).toEqual(['KG', 'KZ']);
    expect(query.sort).toBe('price-asc');
    expect(searchQueryParams(query).toString()).toBe('q=%E8%9C%82%E8%9C%9C&pavilion=KG&pavilion=KZ&price=50-100&sort=price-asc');
    expect(pagefindFilters(query)).toEqual({ pavilion: { any: ['KG', 'KZ'] }, price: { any: ['50-100'] } });
    expect(pagefindSort(query.sort)).toEqual({ price: 'asc' });
    expect(readSearchQuery(new URLSearchParams('sort=cheapest')).sort).toBe('relevance');
  });

  it('pads sort keys so text order and number order agree', () => {
    expect(sortValue(900) < sortValue(1200)).toBe(true);
    expect(sortValue(1200)).toHaveLength(15);
  });
});

describe('the search records', () => {
  const records = searchRecords(snapshot());
  const honey = (lang: string) => records.find((record) => record.url === `/${lang}/products/kg-hny-001/`)!;

  it('has one record per product page, in the page’s language, lower case as Pagefind reads <html lang>', () => {
    expect(records).toHaveLength(seedProducts(new Date()).length * 3);
    expect(honey('zh').language).toBe('zh-cn');
    expect(honey('ru').language).toBe('ru');
    expect(honey('en').language).toBe('en');
  });

  it('makes the category and the pavilion searchable words in each language', () => {
    expect(honey('zh').content).toContain('蜂蜜');
    expect(honey('zh').content).toContain('吉尔吉斯斯坦');
    expect(honey('ru').content).toContain('Мёд');
    expect(honey('en').content).toContain('Honey');
  });

  it('files the product under its facets, with the price band from the yuan price at the build’s rates', () => {
    const record = honey('en');
    // KGS 1,200.00 × 0.0812 = CNY 97.44.
    expect(record.filters).toMatchObject({ pavilion: ['KG'], category: ['honey'], price: ['50-100'] });
    expect(record.filters.certificate).toContain('gacc');
    expect(record.sort.price).toBe(sortValue(9744));
    expect(record.meta).toMatchObject({ title: 'Issyk-Kul white honey', pavilion: 'Kyrgyzstan', amount: '120000', currency: 'KGS' });
    expect(record.meta.image).toMatch(/^\/media\//);
  });

  it('leaves out the price band and price sort where there is no rate, rather than guess', () => {
    const russian = records.find((record) => record.url.startsWith('/en/products/ru-'))!;
    expect(russian.filters.price).toBeUndefined();
    expect(russian.sort.price).toBeUndefined();
    expect(russian.sort.created).toMatch(/^\d{15}$/);
  });
});

describe('listing pages', () => {
  it('cuts a listing into pages of 24 at addresses that work as static files', () => {
    const list = Array.from({ length: 50 }, (_, index) => index);
    expect(pageCount(50)).toBe(3);
    expect(pageCount(0)).toBe(1);
    expect(pageOf(list, 3)).toEqual([48, 49]);
    expect(paths.categoryListing('zh', 'honey')).toBe('/zh/categories/honey/');
    expect(paths.categoryListing('zh', 'honey', { pavilion: 'KG', page: 2 })).toBe('/zh/categories/honey/kg/page/2/');
    expect(paths.pavilionListing('ru', 'KG', 1)).toBe('/ru/pavilions/kg/');
    expect(paths.pavilionListing('ru', 'KG', 3)).toBe('/ru/pavilions/kg/page/3/');
  });

  it('shows the first, the last and the pages around the current one, a one-page gap as its page', () => {
    expect(pagerPages(1, 1)).toEqual([1]);
    expect(pagerPages(1, 5)).toEqual([1, 2, null, 5]);
    expect(pagerPages(4, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pagerPages(10, 35)).toEqual([1, null, 9, 10, 11, null, 35]);
  });
});
