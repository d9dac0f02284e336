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
};

/** The same page in another language: only the first path segment differs. */
export function inLanguage(pathname: string, lang: Language): string {
  const rest = pathname.replace(/^\/(zh|ru|en)(?=\/|$)/, '');
  const withSlash = rest === '' ? '/' : rest;
  return `/${lang}${withSlash.endsWith('/') ? withSlash : `${withSlash}/`}`;
}

export function alternates(pathname: string): { lang: Language; path: string }[] {
  return LANGUAGES.map((lang) => ({ lang, path: inLanguage(pathname, lang) }));
}
