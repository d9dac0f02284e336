import type { z } from '@hono/zod-openapi';
import type { Money } from '../../../../functions/domain/money.js';
import type { FieldError } from '../../../../functions/http/problem.js';
import type { CartSchema } from '../../../../functions/http/schemas/cart.js';
import type { CheckoutAnswerSchema, CheckoutRequestSchema, OrderSchema } from '../../../../functions/http/schemas/checkout.js';
import type { RefusedLine } from '../../../../functions/ports/order-store.js';

/**
 * The shapes the shop API answers with, taken from its own zod schemas so the site and the
 * API cannot drift apart. Type-only: nothing of zod reaches the browser.
 */
export type CartView = z.infer<typeof CartSchema>;
export type CartLineView = CartView['lines'][number];
export type CheckoutAnswer = z.infer<typeof CheckoutAnswerSchema>;

/** POST /api/checkout as the cart page sends it: the cart, how to pay, and who receives and who buys. */
export type CheckoutRequest = z.input<typeof CheckoutRequestSchema>;
export type OrderView = z.infer<typeof OrderSchema>;
export type OrderLineView = OrderView['lines'][number];
export type OrderStatus = OrderView['status'];

/** application/problem+json as functions/http/problem.ts writes it, with the extra members some answers carry. */
export interface Problem {
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  /** Checkout refusals name themselves (functions/http/checkout-app.ts), so two 409s or two 422s can be told apart. */
  readonly reason?: string;
  /** 409 on a cart line: how many the shopper can still have. */
  readonly available?: number;
  readonly requested?: number;
  readonly productId?: string;
  /** 409 on checkout: the lines that cannot be bought as they are. */
  readonly lines?: readonly RefusedLine[];
  /** 422 over one of China's cross-border limits: the allowance left, in CNY. */
  readonly remaining?: Money;
  /** 429 too_many_unpaid_orders: the unpaid orders one email or ID number may hold, and the seconds until one lapses (also the Retry-After header). */
  readonly limit?: number;
  readonly retryAfterSeconds?: number;
}

/** A line checkout could not reserve, and why (functions/ports/order-store.ts). */
export type { RefusedLine };

/** Why a product cannot be sold to China: a cart line's unavailableReason, or a 422 on adding it. */
export type UnavailableReason = NonNullable<CartLineView['unavailableReason']>;
