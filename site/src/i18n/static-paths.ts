import { LANGUAGES, type Language } from '../../../functions/domain/languages.js';

/** getStaticPaths for a page that exists once per site language. */
export function languagePaths() {
  return LANGUAGES.map((lang) => ({ params: { lang }, props: { lang } }));
}

/** getStaticPaths for a page per language and per item. */
export function languageItemPaths<Item, Key extends string>(items: readonly Item[], key: Key, param: (item: Item) => string) {
  return LANGUAGES.flatMap((lang: Language) =>
    items.map((item) => ({ params: { lang, [key]: param(item) } as { lang: Language } & Record<Key, string>, props: { lang, item } })),
  );
}
