import type { Entry } from '../../i18n/ui.js';

/**
 * The islands' share of the dictionary: the page writes the few entries an island needs into a
 * JSON block (client-texts.ts), and this fills them in the browser the way t() does at build time.
 */
export type Texts = Readonly<Record<string, Entry>>;
export type TextVars = Readonly<Record<string, string | number>>;

export function fillText(entry: Entry | undefined, vars: TextVars, locale: string): string {
  if (entry === undefined) return '';
  let template: string;
  if (typeof entry === 'string') {
    template = entry;
  } else {
    const form = new Intl.PluralRules(locale).select(Number(vars.n ?? 0));
    template = entry[form as keyof typeof entry] ?? entry.other;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

/** A translator over one page's texts, in its locale; `defaults` fill what a call does not (China's limits). */
export function translatorFor(texts: Texts, locale: string, defaults: TextVars = {}) {
  return (key: string, vars: TextVars = {}) => fillText(texts[key], { ...defaults, ...vars }, locale);
}
