import { maskEmail, type PavilionAction, type PavilionActionKind } from '../domain/audit.js';
import type { Pavilion, PavilionCode } from '../domain/pavilion.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';
import type { Clock } from '../ports/clock.js';
import type { ManagerDirectory } from '../ports/manager-directory.js';
import type { OperatorConsoleStore } from '../ports/operator-console-store.js';
import type { Telemetry } from '../ports/telemetry.js';
import { newActionId } from './ids.js';

export interface OperatorPavilionDeps {
  readonly catalogue: CatalogueStore;
  readonly operatorConsole: OperatorConsoleStore;
  readonly managers?: ManagerDirectory;
  readonly telemetry: Telemetry;
  readonly clock?: Clock;
}

export type PavilionRefusal = 'no_such_pavilion' | 'already_suspended' | 'not_suspended' | 'invitations_unavailable' | 'manager_exists';

export class PavilionActionRefusedError extends Error {
  constructor(readonly reason: PavilionRefusal) {
    super(`Refused: ${reason}`);
    this.name = 'PavilionActionRefusedError';
  }
}

const nowOf = (deps: { clock?: Clock }) => (deps.clock?.now() ?? new Date()).toISOString();

function action(deps: { clock?: Clock }, pavilion: PavilionCode, operator: string, kind: PavilionActionKind, extra: { reason?: string; invitee?: string } = {}): PavilionAction {
  return { actionId: newActionId(), pavilion, operator, at: nowOf(deps), action: kind, ...extra };
}

/** Every pavilion with its standing, and the operators' actions on it (oldest first). */
export async function pavilionsWithActions(deps: OperatorPavilionDeps): Promise<readonly { pavilion: Pavilion; actions: readonly PavilionAction[] }[]> {
  const pavilions = await deps.catalogue.listPavilions();
  return Promise.all(pavilions.map(async (pavilion) => ({ pavilion, actions: await deps.operatorConsole.pavilionActions(pavilion.code) })));
}

/**
 * Suspends a pavilion: from then on its managers' workspace calls are refused (403,
 * http/pavilion/app.ts) and checkout refuses its products (usecases/checkout.ts); paid lines stay
 * visible to operators, who refund them if the pavilion will not ship. Reinstating lifts both.
 */
export async function setPavilionSuspended(deps: OperatorPavilionDeps, operator: string, code: PavilionCode, suspend: boolean, reason: string): Promise<PavilionAction> {
  const audit = action(deps, code, operator, suspend ? 'suspend' : 'reinstate', { reason });
  const changed = await deps.operatorConsole.setSuspension(code, suspend ? { at: audit.at, by: operator, reason } : null, audit);
  if (!changed) {
    const pavilion = await deps.catalogue.getPavilion(code);
    throw new PavilionActionRefusedError(!pavilion ? 'no_such_pavilion' : suspend ? 'already_suspended' : 'not_suspended');
  }
  deps.telemetry.info(suspend ? 'pavilion suspended' : 'pavilion reinstated', { pavilion: code, operator });
  return audit;
}

/** Invites a manager for a pavilion; the record keeps the email masked, the log not at all. */
export async function inviteManager(deps: OperatorPavilionDeps, operator: string, code: PavilionCode, email: string): Promise<PavilionAction> {
  if (!(await deps.catalogue.getPavilion(code))) throw new PavilionActionRefusedError('no_such_pavilion');
  if (!deps.managers) throw new PavilionActionRefusedError('invitations_unavailable');
  try {
    await deps.managers.invite(email, code);
  } catch (error) {
    if ((error as Error).name === 'ManagerExistsError') throw new PavilionActionRefusedError('manager_exists');
    throw error;
  }
  const audit = action(deps, code, operator, 'invite_manager', { invitee: maskEmail(email) });
  await deps.operatorConsole.recordPavilionAction(audit);
  deps.telemetry.info('manager invited', { pavilion: code, operator });
  return audit;
}
