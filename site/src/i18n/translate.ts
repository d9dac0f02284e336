import type { Language } from '../../../functions/domain/languages.js';
import { formatMoney, type Money } from '../../../functions/domain/money.js';
import { UI, type UiKey } from './ui.js';

/** Number, money and date conventions per site language (the shopper's locale, not the pavilion's). */
export const LOCALES: Record<Language, string> = { zh: 'zh-CN', ru: 'ru-RU', en: 'en-GB' };

/** The `lang` attribute: zh-CN makes browsers pick Simplified Chinese glyphs. Also used for hreflang. */
export const HTML_LANG: Record<Language, string> = { zh: 'zh-CN', ru: 'ru', en: 'en' };

export type Vars = Record<string, string | number>;

/** Looks a UI string up and fills `{name}` placeholders; plural entries choose their form from `vars.n`. */
export function t(lang: Language, key: UiKey, vars: Vars = {}): string {
  const entry = UI[lang][key];
  let template: string;
  if (typeof entry === 'string') {
    template = entry;
  } else {
    const form = new Intl.PluralRules(LOCALES[lang]).select(Number(vars.n ?? 0));
    template = entry[form as keyof typeof entry] ?? entry.other;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(LOCALES[lang]).format(value) : value;
  });
}

/** A translator bound to one language, for page frontmatter. */
export function translator(lang: Language) {
  return (key: UiKey, vars?: Vars) => t(lang, key, vars);
}

export function price(value: Money, lang: Language): string {
  return formatMoney(value, LOCALES[lang]);
}

/** The currency's name in the shopper's language ("吉尔吉斯斯坦索姆", "кыргызский сом", "Kyrgystani Som"). */
export function currencyName(code: string, lang: Language): string {
  return new Intl.DisplayNames([LOCALES[lang]], { type: 'currency' }).of(code) ?? code;
}

export function weight(grams: number, lang: Language): string {
  const kilos = grams >= 1000;
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'unit',
    unit: kilos ? 'kilogram' : 'gram',
    maximumFractionDigits: kilos ? 2 : 0,
  }).format(kilos ? grams / 1000 : grams);
}

/** A calendar date (YYYY-MM-DD, or an ISO timestamp) in the shopper's conventions, read in UTC so it never shifts a day. */
export function date(iso: string, lang: Language): string {
  const value = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(value);
}
