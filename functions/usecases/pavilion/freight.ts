import { freightRatesOr, type FreightRates } from '../../domain/freight.js';
import type { Manager } from '../../ports/token-verifier.js';
import type { PavilionDeps } from './deps.js';
import { ownPavilion } from './ownership.js';
import { PavilionRefusedError } from './refusal.js';

export interface PavilionFreight {
  readonly rates: FreightRates;
  /** The store's default rates: the pavilion has not set its own. */
  readonly isDefault: boolean;
}

/** The rates carts are charged with for the manager's pavilion. */
export async function pavilionFreight(deps: Pick<PavilionDeps, 'catalogue'>, manager: Manager): Promise<PavilionFreight> {
  const pavilion = await ownPavilion(deps, manager);
  return { rates: freightRatesOr(pavilion.freightRates), isDefault: !pavilion.freightRates };
}

/** Sets every mode's rates at once; carts priced from now on use them, orders placed keep what they were charged. */
export async function setPavilionFreight(deps: Pick<PavilionDeps, 'catalogue'>, manager: Manager, rates: FreightRates): Promise<PavilionFreight> {
  if (!(await deps.catalogue.setFreightRates(manager.pavilion, rates))) throw new PavilionRefusedError({ reason: 'unknown_pavilion' });
  return { rates, isDefault: false };
}
