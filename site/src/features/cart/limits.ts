import { PER_ORDER_LIMIT_CNY, YEARLY_LIMIT_CNY } from '../../../../functions/domain/cross-border.js';
import { formatMoney } from '../../../../functions/domain/money.js';

/**
 * China's cross-border limits as the texts quote them ({perOrder}, {yearly}): the domain's figures
 * (functions/domain/cross-border.ts), formatted like every other amount of the page, never typed into
 * the dictionary by hand.
 */
export function limitVars(locale: string): { readonly perOrder: string; readonly yearly: string } {
  return { perOrder: formatMoney(PER_ORDER_LIMIT_CNY, locale), yearly: formatMoney(YEARLY_LIMIT_CNY, locale) };
}
