import type { PavilionContact } from '../../../functions/domain/mail/outbox.js';
import type { PavilionCode } from '../../../functions/domain/pavilion.js';

/**
 * Where each seeded pavilion's order mail goes locally (the outbox at /outbox/ shows it), in the
 * language its managers read: Russian for the former Soviet members and Mongolia, English elsewhere.
 * In AWS operators set each pavilion's contact (README, "Pavilion order mail").
 */
const RUSSIAN_READING = new Set(['KG', 'RU', 'KZ', 'UZ', 'TJ', 'BY', 'MN']);

export function seedOrderContact(code: PavilionCode): PavilionContact {
  return { email: `orders@${code.toLowerCase()}.pavilions.sco-bazaar.example`, language: RUSSIAN_READING.has(code) ? 'ru' : 'en' };
}
