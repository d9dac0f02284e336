import type { RefundRefusal } from '../domain/refund.js';
import type { ReturnRefusal } from '../domain/returns.js';
import { ProblemError, problemOf, type ProblemTable } from './problem.js';

export type AfterSaleRefusal = RefundRefusal | ReturnRefusal;

/**
 * The refund and return rules' refusals (domain/refund.ts, domain/returns.ts), answered the same way
 * wherever they come from: the shopper's order page, the pavilion workspace, the operators. Every
 * answer carries `reason`, so a client tells two 409s apart without reading titles.
 */
const AFTER_SALE_PROBLEMS: ProblemTable<AfterSaleRefusal> = {
  not_paid: ({ status }) => new ProblemError(409, 'Nothing was paid for this order', { detail: `The order is ${status}: there is no payment to refund.`, orderStatus: status }),
  order_cancelled: () => new ProblemError(409, 'The order is cancelled', { detail: 'Its refund covers every line that was not refunded before.' }),
  order_refunded: () => new ProblemError(409, 'The order is refunded in full', { detail: 'Every line has been refunded.' }),
  line_shipped: ({ lineNo }) =>
    new ProblemError(409, `Line ${lineNo} has shipped`, { detail: 'A shipped line cannot be cancelled or refunded before delivery; the shopper may return it instead.', lineNo }),
  line_refunded: ({ lineNo, status }) =>
    new ProblemError(409, `Line ${lineNo} is refunded already`, { detail: `Its refund is ${status}.`, lineNo, refundStatus: status }),
  no_such_line: ({ lineNo }) => new ProblemError(404, 'No such order line', { detail: `The order has no line ${lineNo}.`, lineNo }),
  nothing_to_refund: () => new ProblemError(409, 'Nothing is left to refund', { detail: 'Every line is refunded or has a refund on its way.' }),
  not_shipped: ({ lineNo }) => new ProblemError(409, 'Only shipped lines can be returned', { detail: `Line ${lineNo} has not shipped: cancel the order instead while nothing has shipped.`, lineNo }),
  return_window_closed: ({ lineNo, closedAt }) =>
    new ProblemError(409, 'The time to return this line has passed', { detail: `Returns are accepted within 30 days of customs clearance; for line ${lineNo} that ended ${closedAt}.`, lineNo, closedAt }),
  return_exists: ({ lineNo, status }) => new ProblemError(409, 'A return of this line was asked for already', { detail: `Its return is ${status}.`, lineNo, returnStatus: status }),
  no_return: ({ lineNo }) => new ProblemError(409, 'Nobody asked to return this line', { detail: `Line ${lineNo} has no return to act on.`, lineNo }),
  return_not_in_step: ({ lineNo, status, step }) =>
    new ProblemError(409, `The return cannot be ${step === 'receive' ? 'received' : `${step}ed`} now`, {
      detail: `Line ${lineNo}'s return is ${status}: ${step === 'receive' ? 'only an accepted return is received' : 'only a requested return is accepted or declined'}.`,
      lineNo, returnStatus: status,
    }),
};

export function afterSaleProblem(refusal: AfterSaleRefusal): ProblemError {
  const answer = problemOf(AFTER_SALE_PROBLEMS, refusal, undefined);
  return new ProblemError(answer.status, answer.title, { ...answer.extra, reason: refusal.reason });
}
