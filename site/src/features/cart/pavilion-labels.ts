import type { Language } from '../../../../functions/domain/languages.js';
import type { PavilionSummary } from '../../../../functions/ports/catalogue-store.js';

/** Pavilion code -> name in the page language and flag, so lines can say where they come from without a request. */
export type PavilionLabels = Readonly<Record<string, { readonly name: string; readonly flag: string }>>;

export function pavilionLabels(pavilions: readonly PavilionSummary[], lang: Language): PavilionLabels {
  return Object.fromEntries(pavilions.map((pavilion) => [pavilion.code, { name: pavilion.name[lang], flag: pavilion.flag }]));
}
