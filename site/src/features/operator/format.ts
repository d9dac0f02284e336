import { formatMoney, type Money } from '../../../../functions/domain/money.js';

export function money(value: Money, locale: string): string {
  return formatMoney(value, locale);
}

/**
 * A moment as customs counts it: in China time (UTC+8, the time of the customs year), with the
 * offset written out so an operator elsewhere does not read it as their own.
 */
export function chinaTime(iso: string, locale: string): string {
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
  return `${time} UTC+8`;
}

/** Province, city and district as a Chinese address writes them: largest first, no spaces. */
export function divisions(recipient: { province: { name: string }; city: { name: string }; district: { name: string } }): string {
  // Municipalities (北京市, 上海市…) repeat the province as the city: written once.
  const parts = [recipient.province.name, recipient.city.name, recipient.district.name];
  return parts.filter((part, index) => part !== parts[index - 1]).join('');
}
