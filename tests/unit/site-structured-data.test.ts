import { describe, expect, it } from 'vitest';
import { publicProduct } from '../../functions/http/catalogue-app.js';
import { seedProducts } from '../../infra/local/seed/index.js';
import { decimalAmount, productStructuredData } from '../../site/src/features/seo/product-structured-data.js';

describe('a price as schema.org writes it', () => {
  it('is a plain decimal with the currency’s two digits, exact from minor units', () => {
    expect(decimalAmount({ amount: 8640, currency: 'CNY' })).toBe('86.40');
    expect(decimalAmount({ amount: 5, currency: 'CNY' })).toBe('0.05');
    expect(decimalAmount({ amount: 0, currency: 'USD' })).toBe('0.00');
    expect(decimalAmount({ amount: 123_456_789_012, currency: 'UZS' })).toBe('1234567890.12');
  });
});

describe('a product page’s Product', () => {
  const product = publicProduct(seedProducts(new Date('2026-03-02T00:00:00Z')).find((p) => p.id === 'kg-hny-001')!);
  const data = (buyable: boolean) =>
    productStructuredData({
      product,
      lang: 'en',
      url: 'https://shop.example.com/en/products/kg-hny-001/',
      images: ['https://shop.example.com/media/products/kg-hny-001.png'],
      price: { amount: 9753, currency: 'CNY' },
      buyable,
      seller: 'Kyrgyzstan',
    });

  it('names the producer as the brand and offers it in the price given, new, from the pavilion', () => {
    expect(data(true)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: product.title.en,
      description: product.description.en,
      sku: 'KG-HNY-001',
      image: ['https://shop.example.com/media/products/kg-hny-001.png'],
      url: 'https://shop.example.com/en/products/kg-hny-001/',
      category: 'Honey',
      brand: { '@type': 'Brand', name: product.producer.en },
      offers: {
        '@type': 'Offer',
        url: 'https://shop.example.com/en/products/kg-hny-001/',
        price: '97.53',
        priceCurrency: 'CNY',
        availability: 'https://schema.org/InStock',
        itemCondition: 'https://schema.org/NewCondition',
        seller: { '@type': 'Organization', name: 'Kyrgyzstan' },
      },
    });
  });

  it('is out of stock when it could not be bought at build time', () => {
    expect((data(false).offers as { availability: string }).availability).toBe('https://schema.org/OutOfStock');
  });
});
