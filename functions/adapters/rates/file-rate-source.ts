import { readFile } from 'node:fs/promises';
import * as z from '../../zod-mini.js';
import { ratioOfDecimal, ratioText, type PublishedRates } from '../../domain/exchange-rates.js';
import { CURRENCIES, isCurrency, type CurrencyCode } from '../../domain/money.js';
import { RateSourceError, type RateSource } from '../../ports/rate-source.js';
import defaultRates from './default-rates.json' with { type: 'json' };

/** The rates file in the repository: the local default, and what fills the feed's gaps in AWS. */
export const DEFAULT_RATES_FILE = 'functions/adapters/rates/default-rates.json';

/**
 * A rates file: yuan per one unit of each currency as exact decimal strings, and the date its
 * figures were taken.
 *
 *   { "asOf": "2025-11-28", "yuanPerUnit": { "CNY": "1", "KGS": "0.0812", "UZS": "0.000592", ... } }
 */
const DECIMAL = /^\d{1,9}(\.\d{1,12})?$/;

const YuanPerUnitText = z.string().check(
  z.regex(DECIMAL, 'yuan per one unit as a decimal string, e.g. "0.0812"'),
  // Only once the pattern holds (zod runs every check): a wrong pattern is reported above.
  z.refine((text) => !DECIMAL.test(text) || ratioOfDecimal(text).numerator > 0n, 'a rate above zero'),
);

const RatesFileSchema = z.object({
  asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'the date of the figures, YYYY-MM-DD')),
  note: z.optional(z.string()),
  yuanPerUnit: z.record(z.string(), YuanPerUnitText).check(
    z.superRefine((rates, context) => {
      for (const code of Object.keys(rates)) {
        if (!isCurrency(code)) context.addIssue({ code: 'custom', path: [code], message: `not a currency the store uses (${CURRENCIES.join(', ')})` });
      }
    }),
  ),
});

/**
 * Rates from a file. Its figures count as published when they are loaded: `asOf` is the day of
 * loading, and the source names the file, the date of its figures and that day
 * ("file:functions/adapters/rates/default-rates.json (figures of 2025-11-28, loaded 2026-11-30)"),
 * so a store started next month still sells, and nobody mistakes the figures for a feed's.
 */
export class FileRateSource implements RateSource {
  readonly name: string;

  constructor(
    /** How the file is named in the source label: a repository path when it has one. */
    readonly label: string,
    private readonly load: () => Promise<unknown>,
  ) {
    this.name = `file:${label}`;
  }

  /** A file on disk (an operator's override, or the default by its path). */
  static fromPath(path: string, label = path): FileRateSource {
    return new FileRateSource(label, async () => JSON.parse(await readFile(path, 'utf8')));
  }

  /** The repository's default file, bundled into the function that refreshes the rates in AWS. */
  static bundledDefault(): FileRateSource {
    return new FileRateSource(DEFAULT_RATES_FILE, async () => defaultRates);
  }

  async read(now: Date): Promise<PublishedRates> {
    let content: unknown;
    try {
      content = await this.load();
    } catch (error) {
      throw new RateSourceError(this.name, `cannot be read: ${(error as Error).message}`);
    }
    return ratesOfFile(content, this.name, now);
  }
}

/** A rates file's content as published rates, loaded `now`; a RateSourceError names every mistake in it. */
export function ratesOfFile(content: unknown, name: string, now: Date): PublishedRates {
  const parsed = RatesFileSchema.safeParse(content);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
    throw new RateSourceError(name, `is not a rates file: ${problems}`);
  }
  const { asOf: figuresOf, yuanPerUnit } = parsed.data;
  if (yuanPerUnit.CNY !== undefined && ratioText(ratioOfDecimal(yuanPerUnit.CNY)) !== '1/1') {
    throw new RateSourceError(name, `gives CNY as ${yuanPerUnit.CNY}: a yuan is 1 yuan`);
  }
  const loadedOn = now.toISOString().slice(0, 10);
  const source = `${name} (figures of ${figuresOf}, loaded ${loadedOn})`;
  const rates = Object.entries(yuanPerUnit).map(([currency, decimal]) => ({
    currency: currency as CurrencyCode,
    yuanPerUnit: ratioText(ratioOfDecimal(decimal)),
    asOf: loadedOn,
    source,
  }));
  return { asOf: loadedOn, source, rates };
}
