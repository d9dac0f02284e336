import type { Product } from '../../domain/catalogue.js';
import { onHand } from '../../domain/listing.js';

/** The manager's listing as the workspace shows it: everything, plus on-hand. */
export function toListing(product: Product) {
  return { ...product, certificates: [...product.certificates], images: [...product.images], onHand: onHand(product) };
}
