import { randomBytes } from 'node:crypto';
import { residentIdCheckCharacter } from '../../functions/domain/resident-id.js';

/**
 * A checkout body of the shape tests/support/shop.ts sends (that module needs vitest's runner, so
 * the bench cannot import it): a Qingdao recipient, a buyer with a valid ID number, the notice
 * accepted. Each call is a new shopper, because one email or buyer may hold only three unpaid orders.
 */
export function checkoutBody(cartId: string) {
  return {
    cartId,
    email: `bench+${randomBytes(6).toString('hex')}@example.com`,
    recipient: { name: '王芳', phone: '13800138000', province: '370000', city: '370200', district: '370202', address: '香港中路 8 号 3 单元 1201 室', postcode: '266071' },
    buyer: { name: '王芳', idNumber: residentId() },
    noticeAccepted: true,
  };
}

function residentId(): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(Math.random() * 50 * 365) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `370202${birth}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}
