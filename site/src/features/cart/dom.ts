import type { Texts } from './texts.js';

/** Reads the JSON block a page wrote for its island (see client-texts.ts); an empty object if it is missing. */
export function readJson<T>(root: ParentNode, selector: string, fallback: T): T {
  const block = root.querySelector<HTMLScriptElement>(selector);
  try {
    return block?.textContent ? (JSON.parse(block.textContent) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function readTexts(root: ParentNode): Texts {
  return readJson<Texts>(root, 'script[data-texts]', {});
}

/** The one element a template or page promises; a missing one is a build mistake worth a loud error. */
export function required<E extends Element>(root: ParentNode, selector: string): E {
  const found = root.querySelector<E>(selector);
  if (!found) throw new Error(`Missing ${selector}`);
  return found;
}

export function setText(root: ParentNode, selector: string, text: string): void {
  const element = root.querySelector(selector);
  if (element) element.textContent = text;
}
