import { serve, type ServerType } from '@hono/node-server';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';

/**
 * The floor the API is compared with: a bare Hono app on @hono/node-server with the DynamoDB document
 * client, on the same table of the same DynamoDB Local, doing only the primary DynamoDB work of each
 * request: no validation, no domain rules, no pricing, no Stripe. What each route does is written
 * into BENCHMARKS.md (BARE_ROUTES).
 */
export const BARE_ROUTES = {
  product: 'one GetItem of the product item, answered as JSON',
  listing: 'the very Query the API sent for this page (recorded from our store in the same run), items answered as JSON',
  cartLine: 'one UpdateItem setting the lines of a cart item of its own (no reads: not the cart, not the product)',
  checkout: 'a consistent GetItem of the cart, then one TransactWriteItems: the product\'s stock − 1 and reserved + 1 under a stock condition, and a Put of an order item (no prices, limits, unpaid holds, buyer count or Stripe session)',
} as const;

export interface BareServerOptions {
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  /** The Query our catalogue store sends for the filtered listing page. */
  readonly listingQuery: QueryCommandInput;
  /** The product every checkout reserves one unit of (stock large enough for the run). */
  readonly stockProductId: string;
}

export interface BareServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startBareServer(options: BareServerOptions): Promise<BareServer> {
  const { raw, doc } = createDynamoClients({ endpoint: options.dynamoEndpoint, region: 'local' });
  const TableName = options.tableName;
  const app = new Hono();
  app.get('/products/:id', async (c) => {
    const { Item } = await doc.send(new GetCommand({ TableName, Key: keys.product(c.req.param('id')) }));
    return Item ? c.json(Item) : c.json({ title: 'Not found' }, 404);
  });
  app.get('/listing', async (c) => {
    const { Items } = await doc.send(new QueryCommand(options.listingQuery));
    return c.json({ items: Items ?? [] });
  });
  app.put('/carts/:id/lines/:productId', async (c) => {
    const { quantity } = await c.req.json<{ quantity: number }>();
    const now = new Date().toISOString();
    await doc.send(
      new UpdateCommand({
        TableName,
        Key: keys.cart(`bare-${c.req.param('id')}`),
        UpdateExpression: 'SET #lines = :lines, updatedAt = :now',
        ExpressionAttributeNames: { '#lines': 'lines' },
        ExpressionAttributeValues: { ':lines': [{ productId: c.req.param('productId'), quantity }], ':now': now },
      }),
    );
    return c.json({ id: c.req.param('id') });
  });
  app.post('/checkout', async (c) => {
    const { cartId } = await c.req.json<{ cartId: string }>();
    const { Item } = await doc.send(new GetCommand({ TableName, Key: keys.cart(cartId), ConsistentRead: true }));
    if (!Item) return c.json({ title: 'No such cart' }, 404);
    const orderId = `BENCH-${randomUUID()}`;
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName,
              Key: keys.product(options.stockProductId),
              UpdateExpression: 'SET stock = stock - :one, reserved = reserved + :one',
              ConditionExpression: 'stock >= :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          { Put: { TableName, Item: { ...keys.order(orderId), status: 'pending_payment', cartId, createdAt: new Date().toISOString() } } },
        ],
      }),
    );
    return c.json({ orderId }, 201);
  });

  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // autocannon's keep-alive sockets would hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
        raw.destroy();
      }),
  };
}
