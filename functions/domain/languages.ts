/** The site speaks the SCO's two official languages, Chinese and Russian, plus English. */
export const LANGUAGES = ['zh', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text every shopper can read: one version per site language, none optional. */
export type Localized = Record<Language, string>;

export const DEFAULT_LANGUAGE: Language = 'zh';

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
