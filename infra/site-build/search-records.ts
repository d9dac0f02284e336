import { CATEGORY_NAMES } from '../../functions/domain/catalogue.js';
import { responsiveSource } from '../../functions/domain/images.js';
import { LANGUAGES, type Language } from '../../functions/domain/languages.js';
import { priceBand, SEARCH_CERTIFICATES, SORT_KEYS, sortValue } from '../../site/src/features/search/facets.js';
import { convertedPrice } from '../../site/src/features/price/price.js';
import { rateBookOf } from '../../site/src/features/price/rates.js';
import { HTML_LANG } from '../../site/src/i18n/translate.js';
import { paths } from '../../site/src/i18n/paths.js';
import type { CatalogueSnapshot, PublicProduct } from './catalogue-snapshot.js';

/**
 * One search record per product page: what Pagefind indexes for it, in the page's language.
 * The records are made from the catalogue snapshot the pages are built from, not scraped from the
 * pages' HTML, so the search index does not depend on how a page is laid out; each record's
 * language is its page's `<html lang>` (HTML_LANG), and Pagefind keeps one index per language
 * (zh-cn with Chinese word segmentation, ru and en with their stemmers).
 */
export interface SearchRecord {
  readonly url: string;
  /** The page's `lang` attribute: Pagefind picks the index in the browser by `<html lang>`. */
  readonly language: string;
  /** Searched text: title, category, pavilion, origin, producer, pack and description. */
  readonly content: string;
  /** Shown in a result (fragments): title, image (a small variant), pavilion, flag, the pavilion's price. */
  readonly meta: Record<string, string>;
  /** Facets (site/src/features/search/facets.ts): codes, the same in every language. */
  readonly filters: Record<string, string[]>;
  /** Sort keys: creation time, and the price in fen at the build's rates (absent without rates). */
  readonly sort: Record<string, string>;
}

export function searchRecords(snapshot: CatalogueSnapshot): SearchRecord[] {
  const pavilions = new Map(snapshot.pavilions.map((pavilion) => [pavilion.code, pavilion]));
  const book = rateBookOf(snapshot.rates ?? null);
  const records: SearchRecord[] = [];
  for (const product of snapshot.products) {
    const pavilion = pavilions.get(product.pavilion);
    // The site leaves out products of an unknown pavilion (site/src/data/catalogue.ts): no page, no record.
    if (!pavilion) continue;
    // The same yuan figure the static pages show (features/price/build-rates.ts), converted exactly by the domain.
    const yuan = convertedPrice(product.price, 'CNY', book);
    const filters: Record<string, string[]> = {
      pavilion: [product.pavilion],
      category: [product.category],
      fulfilment: [product.fulfilment.mode],
    };
    const certificates = SEARCH_CERTIFICATES.filter((kind) => product.certificates.some((certificate) => certificate.kind === kind));
    if (certificates.length > 0) filters.certificate = certificates;
    if (yuan) filters.price = [priceBand(yuan.amount)];
    const sort: Record<string, string> = { [SORT_KEYS.newest]: sortValue(Date.parse(product.createdAt) / 1000) };
    if (yuan) sort[SORT_KEYS.price] = sortValue(yuan.amount);
    for (const lang of LANGUAGES) {
      records.push({
        url: paths.product(lang, product.id),
        // Lower case, as Pagefind reads `<html lang>` in the browser to pick the index (zh-CN → zh-cn).
        language: HTML_LANG[lang].toLowerCase(),
        content: contentOf(product, lang, pavilion.name[lang]),
        meta: {
          title: product.title[lang],
          image: responsiveSource(product.images[0] ?? `/media/products/${product.id}.svg`, 320).src,
          pavilion: pavilion.name[lang],
          flag: pavilion.flag,
          amount: String(product.price.amount),
          currency: product.price.currency,
        },
        filters,
        sort,
      });
    }
  }
  return records;
}

function contentOf(product: PublicProduct, lang: Language, pavilionName: string): string {
  return [
    product.title[lang],
    CATEGORY_NAMES[product.category][lang],
    pavilionName,
    product.origin[lang],
    product.producer[lang],
    product.unit[lang],
    product.description[lang],
  ].join('\n');
}
