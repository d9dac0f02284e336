import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../../functions/domain/languages.js';

/**
 * Russian is the common second language across Central Asia and in Belarus, so a browser set to
 * Kazakh, Kyrgyz, Uzbek, Tajik, Turkmen or Belarusian is offered the Russian site.
 */
const READS_RUSSIAN = new Set(['ru', 'be', 'kk', 'ky', 'uz', 'tg', 'tk']);

/** The shopper's remembered choice first, then the first browser language the site speaks; Chinese otherwise. */
export function chooseLanguage(remembered: string | null, browserLanguages: readonly string[]): Language {
  if (remembered && isLanguage(remembered)) return remembered;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(primary)) return primary;
    if (READS_RUSSIAN.has(primary)) return 'ru';
  }
  return DEFAULT_LANGUAGE;
}
