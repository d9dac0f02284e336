/** A listing as GET /api/pavilion/listings/{id} returns it (schemas/listing.ts ListingSchema). */
export interface Localized {
  zh: string;
  ru: string;
  en: string;
}

export interface Certificate {
  kind: string;
  number: string;
  issuer: string;
  validUntil: string;
}

export interface Listing {
  id: string;
  pavilion: string;
  sku: string;
  status: 'active' | 'archived';
  category: string;
  title: Localized;
  description: Localized;
  unit: Localized;
  price: { amount: number; currency: string };
  weightGrams: number;
  origin: Localized;
  producer: Localized;
  certificates: Certificate[];
  fulfilment: { mode: string; leadTimeDays: number };
  /** China's 10-digit tariff code; absent only on listings saved before it was required. */
  hsCode?: string;
  images: string[];
  stock: number;
  reserved: number;
  sold: number;
  onHand: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
