import type { Language } from '../../../../functions/domain/languages.js';
import { UI, type UiKey } from '../../i18n/ui.js';
import type { Texts } from './texts.js';

/**
 * Build time only: the entries of `keys` in one language, for a page's JSON texts block.
 * Islands get just what they show, not the whole dictionary in three languages.
 */
export function clientTexts(lang: Language, keys: readonly UiKey[]): Texts {
  return Object.fromEntries(keys.map((key) => [key, UI[lang][key]]));
}

/** Every key starting with one of the prefixes ('cart.', 'order.'...). */
export function keysStartingWith(...prefixes: string[]): UiKey[] {
  return (Object.keys(UI.en) as UiKey[]).filter((key) => prefixes.some((prefix) => key.startsWith(prefix)));
}

/** JSON for a `<script type="application/json">` block: `<` escaped so no text can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
