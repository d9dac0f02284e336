/**
 * A moment as customs counts it: in China time (UTC+8, the time of the customs year), with the
 * offset written out so an operator elsewhere does not read it as their own.
 */
export function chinaTime(iso: string, locale: string): string {
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
  return `${time} UTC+8`;
}
