import type { OrderView } from './api-types.js';

/** The recipient as GET /api/orders/{id} tells the shopper: in full, since it is their own order, opened with its token. */
export type OrderRecipient = NonNullable<OrderView['recipient']>;

/**
 * The province, city and district on one line, largest first, as a Chinese address reads
 * ("山东省 青岛市 市南区"); a municipality's city level repeats its name (北京市 北京市), so it is said once.
 */
export function areaText(recipient: Pick<OrderRecipient, 'province' | 'city' | 'district'>): string {
  const { province, city, district } = recipient;
  return [province.name, city.name === province.name ? null : city.name, district.name].filter(Boolean).join(' ');
}
