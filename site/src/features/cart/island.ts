import { formatMoney, type Money } from '../../../../functions/domain/money.js';
import { responsiveSource } from '../../../../functions/domain/images.js';
import type { Language, Localized } from '../../../../functions/domain/languages.js';
import { readJson, readTexts, required } from './dom.js';
import { limitVars } from './limits.js';
import type { PavilionLabels } from './pavilion-labels.js';
import { translatorFor } from './texts.js';

/**
 * What the cart and order islands read from their page's root element: the page language and
 * locale, the texts and pavilion labels the build wrote into JSON blocks, and the product link pattern.
 */
export function readIsland(root: HTMLElement) {
  const locale = root.dataset.locale ?? 'zh-CN';
  return {
    root,
    lang: (root.dataset.lang ?? 'zh') as Language,
    locale,
    // Any text may quote China's limits: {perOrder} and {yearly} are always filled.
    t: translatorFor(readTexts(root), locale, limitVars(locale)),
    pavilions: readJson<PavilionLabels>(root, 'script[data-pavilions]', {}),
    productHref: (id: string) => (root.dataset.productHref ?? '/{id}/').replace('{id}', encodeURIComponent(id)),
    money: (value: Money) => formatMoney(value, locale),
  };
}

export type Island = ReturnType<typeof readIsland>;

/** Shows the parts of the page marked data-when="<state>" and hides the others. */
export function showState(island: Island, state: string): void {
  island.root.dataset.state = state;
  for (const part of island.root.querySelectorAll<HTMLElement>('[data-when]')) part.hidden = part.dataset.when !== state;
}

/** The product half of a cart or order line (from the page's line template): links, picture, pavilion and title. */
export function fillProduct(
  island: Island,
  item: HTMLElement,
  line: { readonly productId: string; readonly pavilion: string; readonly image: string | null; readonly title: Localized },
): void {
  item.dataset.productId = line.productId;
  for (const link of item.querySelectorAll<HTMLAnchorElement>('[data-link]')) link.href = island.productHref(line.productId);
  const image = required<HTMLImageElement>(item, '[data-image]');
  // A photo as its smallest size (functions/domain/images.ts), never the upload itself (up to 5 MB); drawn art as it is.
  const src = responsiveSource(line.image ?? `/media/products/${line.productId}.svg`, 320).src;
  // Cart lines are updated in place: setting the same src again would fetch the picture again.
  if (image.getAttribute('src') !== src) image.src = src;
  const pavilion = island.pavilions[line.pavilion];
  required<HTMLElement>(item, '[data-flag]').textContent = pavilion?.flag ?? '';
  required<HTMLElement>(item, '[data-pavilion]').textContent = pavilion?.name ?? line.pavilion;
  required<HTMLElement>(item, '[data-title]').textContent = line.title[island.lang];
}
