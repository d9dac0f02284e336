/**
 * The consumer notice's version (a date, YYYY-MM-DD: functions/domain/consumer-notice.ts) as the
 * shopper reads it, in the page's locale: the same words on the cart page (ConsumerNotice.astro)
 * and on the order page. Read in UTC so it never shifts a day; anything else is shown as it is.
 */
export function noticeVersionDate(version: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) return version;
  const day = new Date(`${version}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return version;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}
