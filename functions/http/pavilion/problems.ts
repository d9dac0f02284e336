import type { Product } from '../../domain/catalogue.js';
import type { PavilionRefusal } from '../../usecases/pavilion/refusal.js';
import { afterSaleProblem } from '../after-sale-problems.js';
import { ProblemError, type ProblemTable } from '../problem.js';
import { toListing } from './listing-view.js';

const listingOrNothing = (current: Product | null) => (current ? toListing(current) : undefined);
const template = 'Start from GET /api/pavilion/imports/template.csv.';

/** Every refusal of the workspace, with its answer: the one place a pavilion outcome gets its status. */
export const PAVILION_PROBLEMS: ProblemTable<PavilionRefusal> = {
  unknown_pavilion: ({ pavilion }) =>
    new ProblemError(403, 'No such pavilion', { detail: pavilion ? `Pavilion ${pavilion} is not open on the site.` : 'Your pavilion is not open on the site.' }),
  invalid_listing: ({ issues }) => new ProblemError(400, 'The request is not valid', { detail: `${issues.length} field(s) are wrong.`, errors: [...issues] }),
  no_such_listing: ({ id }) => new ProblemError(404, 'No such listing', { detail: `There is no listing ${id}.` }),
  not_your_listing: (refusal) =>
    new ProblemError(403, 'Not your listing', {
      detail: refusal.for === 'images' ? 'Images can only be added to your own pavilion’s listings.' : 'This listing belongs to another pavilion.',
    }),
  stale_version: ({ current }) =>
    new ProblemError(409, 'Someone changed this listing since you opened it', {
      detail: `The listing is now at version ${current?.version}. Reload it and apply your change again.`,
      errors: [{ field: 'version', message: 'stale: reload the listing' }],
      current: listingOrNothing(current),
    }),
  sku_exists: ({ current }) =>
    new ProblemError(409, 'A listing with this SKU exists', {
      detail: current ? `Listing ${current.id} (SKU ${current.sku}) already exists.` : 'It already exists.',
      errors: [{ field: 'sku', message: 'already used by one of your listings' }],
    }),
  already_in_status: ({ current }) => new ProblemError(409, `The listing is already ${current?.status ?? 'in that state'}`, { current: listingOrNothing(current) }),
  stock_change_refused: ({ plan, field, current }) =>
    new ProblemError(409, plan.problem === 'below_reserved' ? 'Stock cannot go below what checkouts have reserved' : 'Too many units', {
      detail: plan.message,
      errors: [{ field, message: plan.message }],
      current: toListing(current),
    }),
  not_enough_free_stock: ({ field, current }) =>
    new ProblemError(409, 'Stock cannot go below what checkouts have reserved', {
      detail: `${current?.reserved ?? 0} unit(s) are reserved by checkouts awaiting payment, and ${current?.stock ?? 0} are free.`,
      errors: [{ field, message: 'more than the free stock allows' }],
      current: listingOrNothing(current),
    }),
  no_such_order_line: ({ orderId, lineNo }) => new ProblemError(404, 'No such order line', { detail: `Order ${orderId} has no line ${lineNo}.` }),
  not_your_order_line: () => new ProblemError(403, 'Not your order line', { detail: 'This line is another pavilion’s to ship.' }),
  not_to_ship: ({ current }) =>
    current?.fulfilment === 'shipped'
      ? new ProblemError(409, 'This line has shipped already', { detail: `It left with ${current.carrier}, tracking ${current.trackingNumber}.` })
      : current?.fulfilment === 'cancelled'
        ? new ProblemError(409, 'This line is not to be shipped', { detail: 'It was refunded, or its order cancelled, before it left.' })
        : new ProblemError(409, 'This line is not paid yet', { detail: 'Only paid lines can be shipped.' }),
  refund_refused: ({ refusal }) => afterSaleProblem(refusal),
  return_refused: ({ refusal }) => afterSaleProblem(refusal),
  uploads_elsewhere: () => new ProblemError(404, 'No such resource', { detail: 'Uploads go straight to the images bucket here.' }),
  upload_refused: ({ status, message }) => new ProblemError(status, message),
  csv_unreadable: ({ message }) => new ProblemError(400, 'The file is not valid CSV', { detail: message }),
  csv_empty: () => new ProblemError(400, 'The file is empty', { detail: template }),
  csv_header_mismatch: ({ unknown, missing }) =>
    new ProblemError(400, 'The header row does not match the template', {
      detail: template,
      errors: [...unknown.map((name) => ({ field: name, message: 'unknown column' })), ...missing.map((name) => ({ field: name, message: 'missing column' }))],
    }),
  too_many_rows: ({ rows, maxRows }) =>
    new ProblemError(413, `At most ${maxRows} rows per request`, {
      detail: `The file has ${rows} rows. Send it in parts of at most ${maxRows} rows, each starting with the header row; importing the same rows twice changes nothing.`,
      maxRows,
      rows,
    }),
};
