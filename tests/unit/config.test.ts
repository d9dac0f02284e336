import { describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config.js';
import { RATES_FRESH_FOR_HOURS } from '../../functions/domain/exchange-rates.js';

describe('readConfig', () => {
  it('fills the defaults and coerces numbers', () => {
    const config = readConfig({ TABLE_NAME: 'bazaar', RATES_MAX_AGE_HOURS: '12' });
    expect(config).toMatchObject({ TABLE_NAME: 'bazaar', AWS_REGION: 'ap-east-1', PUBLIC_BASE_URL: 'http://localhost:4321', MEDIA_BASE_URL: '/media', RATES_MAX_AGE_HOURS: 12 });
    expect(readConfig({ TABLE_NAME: 'bazaar' }).RATES_MAX_AGE_HOURS).toBe(RATES_FRESH_FOR_HOURS);
  });

  it('keeps only the variables it knows', () => {
    expect(readConfig({ TABLE_NAME: 'bazaar', HOME: '/root' })).not.toHaveProperty('HOME');
  });

  it('names every wrong variable, in English', () => {
    const wrong = () => readConfig({ TABLE_NAME: 'x', PUBLIC_BASE_URL: 'not a url', STRIPE_SECRET_KEY: 'pk_test_1', RATES_MAX_AGE_HOURS: '0', STRIPE_SECRET_ARN: 'secret' });
    expect(wrong).toThrow(/^Invalid configuration: /);
    let message = '';
    try {
      wrong();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('TABLE_NAME: Too small: expected string to have >=3 characters');
    expect(message).toContain('PUBLIC_BASE_URL: Invalid URL');
    expect(message).toContain('STRIPE_SECRET_KEY: a Stripe secret key');
    expect(message).toContain('RATES_MAX_AGE_HOURS: Too small: expected number to be >0');
    expect(message).toContain('STRIPE_SECRET_ARN: Invalid string: must start with "arn:"');
  });

  it('refuses an environment without the table', () => {
    expect(() => readConfig({})).toThrow(/TABLE_NAME: Invalid input: expected string, received undefined/);
  });
});
