/**
 * The key an order is found under by its shopper's email: a keyed hash (HMAC-SHA256) of the
 * normalised address (domain/operator-console.ts normalEmail). The table never holds the address
 * in a key, and without the key nobody can test guessed addresses against the index; the shop
 * makes it at checkout, operators make it to search.
 */
export interface ShopperKeys {
  emailKey(email: string): Promise<string>;
}
