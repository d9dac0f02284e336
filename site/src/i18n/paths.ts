import { LANGUAGES, type Language } from '../../../functions/domain/languages.js';
import type { Category } from '../../../functions/domain/catalogue.js';

/**
 * The storefront's URL scheme. Every page lives under its language and ends in a slash
 * (astro.config trailingSlash 'always', each page a folder with index.html).
 */
export const paths = {
  home: (lang: Language) => `/${lang}/`,
  pavilions: (lang: Language) => `/${lang}/pavilions/`,
  pavilion: (lang: Language, code: string) => `/${lang}/pavilions/${code.toLowerCase()}/`,
  category: (lang: Language, category: Category) => `/${lang}/categories/${category}/`,
  product: (lang: Language, id: string) => `/${lang}/products/${id}/`,
  cart: (lang: Language) => `/${lang}/cart/`,
  /** Page `page` of a category's products, of every pavilion or of one: /zh/categories/honey/kg/page/2/. */
  categoryListing: (lang: Language, category: Category, options: { pavilion?: string; page?: number } = {}) =>
    `/${lang}/categories/${category}/${options.pavilion ? `${options.pavilion.toLowerCase()}/` : ''}${pageSuffix(options.page)}`,
  /** Page `page` of a pavilion's products: /zh/pavilions/kg/page/2/. */
  pavilionListing: (lang: Language, code: string, page?: number) => `/${lang}/pavilions/${code.toLowerCase()}/${pageSuffix(page)}`,
  /** The search page; the header's search box sends its query here as ?q=. */
  search: (lang: Language) => `/${lang}/search/`,
};

/** Page 1 of a listing is the listing's own address; later pages add page/N/. */
function pageSuffix(page = 1): string {
  return page > 1 ? `page/${page}/` : '';
}

/** The same page in another language: only the first path segment differs. */
export function inLanguage(pathname: string, lang: Language): string {
  const rest = pathname.replace(/^\/(zh|ru|en)(?=\/|$)/, '');
  const withSlash = rest === '' ? '/' : rest;
  return `/${lang}${withSlash.endsWith('/') ? withSlash : `${withSlash}/`}`;
}

export function alternates(pathname: string): { lang: Language; path: string }[] {
  return LANGUAGES.map((lang) => ({ lang, path: inLanguage(pathname, lang) }));
}
