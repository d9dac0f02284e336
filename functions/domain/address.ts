import type { Recipient } from './recipient.js';

/**
 * How a mainland address is written, largest first and without spaces, as a courier label and
 * customs read it. Kept apart from recipient.ts (which loads the division lists) so pages can use it.
 */

/** Province, city and district: a municipality (北京市 / 北京市) is named once. */
export function areaOf(recipient: Pick<Recipient, 'province' | 'city' | 'district'>): string {
  const city = recipient.city.name === recipient.province.name ? '' : recipient.city.name;
  return `${recipient.province.name}${city}${recipient.district.name}`;
}

/** The whole address on one line. */
export function fullAddress(recipient: Pick<Recipient, 'province' | 'city' | 'district' | 'address'>): string {
  return `${areaOf(recipient)}${recipient.address}`;
}
