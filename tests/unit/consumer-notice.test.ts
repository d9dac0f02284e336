import { describe, expect, it } from 'vitest';
import { CONSUMER_NOTICE, CONSUMER_NOTICE_VERSION } from '../../functions/domain/consumer-notice.js';
import { PER_ORDER_LIMIT_CNY, YEARLY_LIMIT_CNY } from '../../functions/domain/cross-border.js';
import { isCalendarDate } from '../../functions/domain/listing.js';
import { LANGUAGES } from '../../functions/domain/languages.js';

describe('the consumer notice', () => {
  it('is versioned by the date its words took effect', () => {
    expect(CONSUMER_NOTICE.version).toBe(CONSUMER_NOTICE_VERSION);
    expect(isCalendarDate(CONSUMER_NOTICE_VERSION)).toBe(true);
  });

  it('says every point in all three languages', () => {
    for (const text of [CONSUMER_NOTICE.title, ...CONSUMER_NOTICE.points]) {
      for (const language of LANGUAGES) expect(text[language].trim()).not.toBe('');
    }
  });

  it('states the same limits the store enforces', () => {
    const yuan = (amount: number) => String(amount / 100);
    const limits = CONSUMER_NOTICE.points.find((point) => point.en.includes('a year'));
    expect(limits?.zh).toContain(`${yuan(PER_ORDER_LIMIT_CNY.amount)}元`);
    expect(limits?.zh).toContain(`${yuan(YEARLY_LIMIT_CNY.amount)}元`);
    expect(limits?.en.replaceAll(',', '')).toContain(`CNY ${yuan(PER_ORDER_LIMIT_CNY.amount)}`);
    expect(limits?.en.replaceAll(',', '')).toContain(`CNY ${yuan(YEARLY_LIMIT_CNY.amount)}`);
    expect(limits?.ru.replaceAll(/\s/g, '')).toContain(`${yuan(PER_ORDER_LIMIT_CNY.amount)}юаней`);
  });
});
