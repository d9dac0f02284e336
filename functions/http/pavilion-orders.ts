import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Division } from '../domain/china-divisions.js';
import type { OrderLine, ShipTo } from '../domain/order.js';
import { fullAddress } from '../domain/address.js';
import { InvalidCursorError } from '../ports/catalogue-store.js';
import { ShipmentRefused } from '../ports/pavilion-orders-store.js';
import type { ManagerEnv } from './pavilion-auth.js';
import { nowIso } from './pavilion-common.js';
import type { PavilionDeps } from './pavilion-deps.js';
import { SECURITY } from './pavilion-listings.js';
import { ProblemError, problemResponses } from './problem.js';
import { OrderLineParams, OrderLineSchema, OrderQueueQuery, ShipmentSchema } from './schemas/listing.js';

const queue = createRoute({
  method: 'get', path: '/orders', tags: ['Pavilion'], security: SECURITY,
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
  method: 'post', path: '/orders/{orderId}/lines/{lineNo}/shipment', tags: ['Pavilion'], security: SECURITY,
  summary: 'Marks a paid line shipped, with carrier and tracking number (the shopper’s order page shows them)',
  request: { params: OrderLineParams, body: { content: { 'application/json': { schema: ShipmentSchema } }, required: true } },
  responses: {
    200: { description: 'The line, shipped', content: { 'application/json': { schema: OrderLineSchema } } },
    ...problemResponses(400, 401, 403, 404, 409),
  },
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
  };
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

export function registerOrderRoutes(app: OpenAPIHono<ManagerEnv>, deps: PavilionDeps) {
  app.openapi(queue, async (c) => {
    const { fulfilment, limit, cursor } = c.req.valid('query');
    try {
      const page = await deps.pavilionOrders.linesToFulfil({ pavilion: c.get('manager').pavilion, fulfilment, limit, cursor });
      return c.json({ items: page.items.map(forPavilion), nextCursor: page.nextCursor }, 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new ProblemError(400, 'Invalid cursor', { errors: [{ field: 'cursor', message: error.message }] });
      throw error;
    }
  });

  app.openapi(ship, async (c) => {
    const { orderId, lineNo } = c.req.valid('param');
    const { carrier, trackingNumber } = c.req.valid('json');
    try {
      const line = await deps.pavilionOrders.markShipped({
        orderId, lineNo, pavilion: c.get('manager').pavilion, carrier, trackingNumber, shippedAt: nowIso(deps),
      });
      return c.json(forPavilion(line), 200);
    } catch (error) {
      if (!(error instanceof ShipmentRefused)) throw error;
      if (error.reason === 'missing') throw new ProblemError(404, 'No such order line', { detail: `Order ${orderId} has no line ${lineNo}.` });
      if (error.reason === 'not_yours') throw new ProblemError(403, 'Not your order line', { detail: 'This line is another pavilion’s to ship.' });
      const state = error.current?.fulfilment;
      throw new ProblemError(409, state === 'shipped' ? 'This line has shipped already' : 'This line is not paid yet', {
        detail: state === 'shipped' ? `It left with ${error.current?.carrier}, tracking ${error.current?.trackingNumber}.` : 'Only paid lines can be shipped.',
      });
    }
  });
}
