import type { MiddlewareHandler } from 'hono';
import { isSuspended } from '../../domain/pavilion.js';
import type { PavilionDeps } from '../../usecases/pavilion/deps.js';
import { problem } from '../problem.js';
import type { ManagerEnv } from './auth.js';

/**
 * A suspended pavilion's managers are refused every workspace call (403, reason pavilion_suspended)
 * until an operator reinstates it (usecases/operator-pavilions.ts): one GetItem of the pavilion per
 * call, after the token was verified.
 */
export function refuseSuspended(deps: Pick<PavilionDeps, 'catalogue'>): MiddlewareHandler<ManagerEnv> {
  return async (c, next) => {
    const pavilion = await deps.catalogue.getPavilion(c.get('manager').pavilion);
    if (isSuspended(pavilion)) {
      return problem(403, 'This pavilion is suspended', {
        reason: 'pavilion_suspended',
        detail: 'An operator suspended this pavilion: its workspace and its sales are stopped until it is reinstated. Write to the operators.',
      });
    }
    await next();
  };
}
