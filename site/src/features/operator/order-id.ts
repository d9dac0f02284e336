import { ORDER_ID } from '../../../../functions/domain/order.js';

/**
 * The order id an operator typed or pasted, as the API takes it: spaces dropped, letters upper
 * case, and `ORD-` added when only the 16 characters were given. Null when it cannot be an order
 * id (the domain's ORDER_ID decides), so the console says so without asking the API.
 */
export function orderIdFrom(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const id = compact.startsWith('ORD-') ? compact : `ORD-${compact}`;
  return ORDER_ID.test(id) ? id : null;
}
