import type { PublishedRates } from '../domain/exchange-rates.js';

/**
 * Where exchange rates come from: an official daily feed (adapters/rates/cbr-daily.ts) or a file
 * (adapters/rates/file-rate-source.ts, for local runs and an operator's override). Each gives the
 * currencies it covers against the yuan, exactly; what a feed lacks is filled from the file by the
 * refresh (usecases/exchange-rates.ts), labelled with the file's name.
 */
export interface RateSource {
  /** Who publishes, for messages ("Bank of Russia (cbr.ru XML_daily)"). */
  readonly name: string;
  /** The publisher's current rates; `now` dates a file's figures (they count as published when loaded). */
  read(now: Date): Promise<PublishedRates>;
}

/** The source could not be read (unreachable, refused, or answered something that is not its rates). */
export class RateSourceError extends Error {
  constructor(
    readonly sourceName: string,
    readonly why: string,
  ) {
    super(`${sourceName}: ${why}`);
    this.name = 'RateSourceError';
  }
}
