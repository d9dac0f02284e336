import { createRoute, z } from '@hono/zod-openapi';
import { fullAddress } from '../../domain/address.js';
import type { Division } from '../../domain/china-divisions.js';
import type { OrderLine, ShipTo } from '../../domain/order.js';
import type { ReturnStep } from '../../domain/returns.js';
import { refundLine, stepReturn } from '../../usecases/pavilion/after-sale.js';
import type { PavilionDeps } from '../../usecases/pavilion/deps.js';
import { linesToFulfil, shipLine } from '../../usecases/pavilion/orders.js';
import { problemResponses } from '../problem-responses.js';
import { lineRefundView, lineReturnView } from '../refund-view.js';
import { createRouter } from '../router.js';
import { PavilionRefundRequestSchema, ReturnDeclineSchema, ReturnReceivedSchema } from '../schemas/after-sale.js';
import { pageOf } from '../page-of.js';
import { OrderLineParams, OrderLineSchema, OrderQueueQuery, ShipmentSchema } from '../schemas/pavilion-orders.js';
import { SECURITY, type ManagerEnv } from './auth.js';

const queue = createRoute({
  method: 'get', path: '/', tags: ['Pavilion'], security: SECURITY,
  summary: "The pavilion's paid order lines, newest payment first",
  request: { query: OrderQueueQuery },
  responses: {
    200: {
      description: 'A page of lines',
      content: { 'application/json': { schema: z.object({ items: z.array(OrderLineSchema), nextCursor: z.string().nullable() }) } },
    },
    ...problemResponses(400, 401, 403),
  },
});

const ship = createRoute({
  method: 'post', path: '/{orderId}/lines/{lineNo}/shipment', tags: ['Pavilion'], security: SECURITY,
  summary: 'Marks a paid line shipped, with carrier and tracking number (the shopper’s order page shows them)',
  request: { params: OrderLineParams, body: { content: { 'application/json': { schema: ShipmentSchema } }, required: true } },
  responses: {
    200: { description: 'The line, shipped', content: { 'application/json': { schema: OrderLineSchema } } },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const lineAnswer = (description: string) => ({
  200: { description, content: { 'application/json': { schema: OrderLineSchema } } },
  ...problemResponses(400, 401, 403, 404, 409),
});

const refund = createRoute({
  method: 'post', path: '/{orderId}/lines/{lineNo}/refund', tags: ['Pavilion'], security: SECURITY,
  summary: 'Refunds one of the pavilion’s lines it cannot ship, with its share of freight and tax',
  description:
    'For a paid line not shipped yet: it stops shipping at once and the shopper gets back the line’s goods plus its shares of freight and tax. ' +
    'The refund is settled by the payment provider’s event; once it succeeds the buyer’s yearly allowance gets the line back, and its units go back ' +
    'to stock only for reason `other` (out_of_stock and damaged units are not sold again). A shipped line is returned by the shopper instead (409).',
  request: { params: OrderLineParams, body: { content: { 'application/json': { schema: PavilionRefundRequestSchema } }, required: true } },
  responses: lineAnswer('The line, its refund requested'),
});

const acceptReturn = createRoute({
  method: 'post', path: '/{orderId}/lines/{lineNo}/return/accept', tags: ['Pavilion'], security: SECURITY,
  summary: 'Accepts the shopper’s return of a shipped line: the goods may come back',
  request: { params: OrderLineParams },
  responses: lineAnswer('The line, its return accepted'),
});

const declineReturn = createRoute({
  method: 'post', path: '/{orderId}/lines/{lineNo}/return/decline', tags: ['Pavilion'], security: SECURITY,
  summary: 'Declines the shopper’s return of a shipped line, saying why',
  request: { params: OrderLineParams, body: { content: { 'application/json': { schema: ReturnDeclineSchema } }, required: true } },
  responses: lineAnswer('The line, its return declined'),
});

const receiveReturn = createRoute({
  method: 'post', path: '/{orderId}/lines/{lineNo}/return/received', tags: ['Pavilion'], security: SECURITY,
  summary: 'The returned goods are back: the line is refunded in full, tax included, and the buyer’s yearly allowance restored',
  description: 'Only for an accepted return. resellable units go back to stock once the refund succeeds; damaged ones do not.',
  request: { params: OrderLineParams, body: { content: { 'application/json': { schema: ReturnReceivedSchema } }, required: true } },
  responses: lineAnswer('The line, received and its refund requested'),
});

/**
 * What the pavilion sees of a line, field by field (an allow-list, so a field added to the line
 * later stays private until it is named here): the goods, its own price, the customs figures in
 * CNY a direct-mail waybill declares, and where to send it. The shopper's charge stays with the
 * order; of the buyer, only the name and the masked ID number the parcel's label carries.
 */
function forPavilion(line: OrderLine) {
  return {
    orderId: line.orderId,
    lineNo: line.lineNo,
    productId: line.productId,
    pavilion: line.pavilion,
    sku: line.sku,
    title: { zh: line.title.zh, ru: line.title.ru, en: line.title.en },
    ...(line.image ? { image: line.image } : {}),
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    hsCode: line.hsCode,
    weightGrams: line.weightGrams,
    fulfilmentMode: line.fulfilmentMode,
    unitPriceCny: line.unitPriceCny,
    goodsCny: line.goodsCny,
    freightCny: line.freightCny,
    dutiableCny: line.dutiableCny,
    taxCny: line.taxCny,
    // Lines written before checkout asked where to ship have no shipTo: the queue still lists them.
    ...(line.shipTo ? { shipTo: shipToForPavilion(line.shipTo) } : {}),
    fulfilment: line.fulfilment,
    ...(line.paidAt ? { paidAt: line.paidAt } : {}),
    ...(line.carrier ? { carrier: line.carrier } : {}),
    ...(line.trackingNumber ? { trackingNumber: line.trackingNumber } : {}),
    ...(line.shippedAt ? { shippedAt: line.shippedAt } : {}),
    ...(line.refund ? { refund: pavilionRefundView(line) } : {}),
    ...(line.returnRequest ? { return: lineReturnView(line.returnRequest)! } : {}),
  };
}

function pavilionRefundView(line: OrderLine) {
  const { amount, ...rest } = lineRefundView(line.refund)!;
  return rest;
}

function shipToForPavilion(shipTo: ShipTo) {
  const { recipient } = shipTo;
  const division = (value: Division) => ({ code: value.code, name: value.name });
  return {
    recipient: {
      name: recipient.name,
      phone: recipient.phone,
      province: division(recipient.province),
      city: division(recipient.city),
      district: division(recipient.district),
      address: recipient.address,
      postcode: recipient.postcode,
    },
    fullAddress: fullAddress(recipient),
    buyerName: shipTo.buyerName,
    buyerIdMasked: shipTo.buyerIdMasked,
  };
}

/** /pavilion/orders: the pavilion's paid lines, and their shipment. */
export function orderRoutes(deps: PavilionDeps) {
  const app = createRouter<ManagerEnv>();

  app.openapi(queue, async (c) => {
    const page = await linesToFulfil(deps, c.get('manager'), c.req.valid('query'));
    return c.json(pageOf(page, forPavilion), 200);
  });

  app.openapi(ship, async (c) => {
    const line = await shipLine(deps, c.get('manager'), { ...c.req.valid('param'), ...c.req.valid('json') });
    return c.json(forPavilion(line), 200);
  });

  app.openapi(refund, async (c) => {
    const line = await refundLine(deps, c.get('manager'), { ...c.req.valid('param'), ...c.req.valid('json') });
    return c.json(forPavilion(line), 200);
  });

  const step = (manager: Parameters<typeof stepReturn>[1], params: { orderId: string; lineNo: number }, returnStep: ReturnStep) =>
    stepReturn(deps, manager, { ...params, step: returnStep }).then(forPavilion);

  app.openapi(acceptReturn, async (c) => c.json(await step(c.get('manager'), c.req.valid('param'), { kind: 'accept' }), 200));
  app.openapi(declineReturn, async (c) => c.json(await step(c.get('manager'), c.req.valid('param'), { kind: 'decline', reason: c.req.valid('json').reason }), 200));
  app.openapi(receiveReturn, async (c) => c.json(await step(c.get('manager'), c.req.valid('param'), { kind: 'receive', condition: c.req.valid('json').condition }), 200));

  return app;
}
