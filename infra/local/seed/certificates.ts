import type { Certificate } from '../../../functions/domain/catalogue.js';
import type { PavilionCode } from '../../../functions/domain/pavilion.js';

/** ISO 3166-1 alpha-3 codes: GACC registration numbers spell the country this way (`CBOL…` is Bolivia). */
const ALPHA3: Record<string, string> = {
  AF: 'AFG', BY: 'BLR', CN: 'CHN', EG: 'EGY', IN: 'IND', IR: 'IRN', KG: 'KGZ', KZ: 'KAZ',
  MN: 'MNG', PK: 'PAK', RU: 'RUS', TJ: 'TJK', TR: 'TUR', UZ: 'UZB',
};

/** The Eurasian Economic Union: its members' food carries an EAC declaration of conformity. */
const EAEU = new Set(['BY', 'KG', 'KZ', 'RU']);

const HALAL_ISSUERS: Record<string, string> = {
  AF: 'Afghanistan National Standards Authority, halal unit',
  EG: 'Egyptian Organization for Standardization and Quality, halal unit',
  IN: 'Halal certification council of India',
  IR: 'Institute of Standards and Industrial Research of Iran, halal unit',
  KG: 'Halal standard centre of the Muftiate of Kyrgyzstan',
  KZ: 'Halal industry association of Kazakhstan',
  MN: 'Mongolian Agency for Standardization and Metrology, halal unit',
  PK: 'Pakistan Halal Authority',
  RU: 'Halal standard committee of the Council of Muftis of Russia',
  TJ: 'Tajikstandard, halal certification body',
  TR: 'Halal Accreditation Agency of Türkiye',
  UZ: 'Uzstandard Agency, halal certification body',
};

export const GACC_ISSUER = 'General Administration of Customs of the P.R. China (GACC)';

/** A GACC registration number as in the published example `CBOL12012209210001`: C, alpha-3, 14 digits. */
export const GACC_NUMBER = /^C[A-Z]{3}\d{14}$/;

export function alpha3(code: PavilionCode): string {
  return ALPHA3[code] ?? `${code}X`;
}

export function isEaeuMember(code: PavilionCode): boolean {
  return EAEU.has(code);
}

/** Adds whole years to an ISO date and steps back one day: the last day a registration is valid. */
export function validFor(issued: string, years: number): string {
  const date = new Date(`${issued}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Certificate builders bound to one country.
 * GACC registers the overseas manufacturer, not a product (Decree 248; Decree 280 from 2026-06-01),
 * for five years. Real numbers are issued by GACC; the seed composes its 14 digits from an HS
 * heading, the issue date (yymmdd) and a serial, the shape the published example has.
 */
export function certify(code: PavilionCode) {
  return {
    gacc(hsHeading: string, issued: string, serial: number): Certificate {
      const yymmdd = issued.slice(2).replaceAll('-', '');
      const number = `C${alpha3(code)}${hsHeading.padStart(4, '0').slice(0, 4)}${yymmdd}${String(serial % 10_000).padStart(4, '0')}`;
      return { kind: 'gacc', number, issuer: GACC_ISSUER, validUntil: validFor(issued, 5) };
    },
    halal(serial: number, validUntil: string): Certificate {
      const year = validUntil.slice(2, 4);
      return { kind: 'halal', number: `${code}-HL-${year}-${String(serial).padStart(5, '0')}`, issuer: HALAL_ISSUERS[code] ?? 'National halal certification body', validUntil };
    },
    /** An EAEU declaration of conformity, numbered like the union's register (ЕАЭС N RU Д-KG.…). */
    eac(serial: number, validUntil: string): Certificate {
      const year = String(Number(validUntil.slice(2, 4)) - 5).padStart(2, '0');
      return { kind: 'eac', number: `ЕАЭС N RU Д-${code}.РА01.В.${String(serial).padStart(5, '0')}/${year}`, issuer: 'EAEU unified register of declarations of conformity', validUntil };
    },
    organic(body: string, validUntil: string, issuer = 'Accredited organic control body (EU equivalence)'): Certificate {
      return { kind: 'organic', number: `${code}-BIO-${body}`, issuer, validUntil };
    },
    /** A geographical indication registered at home (and, where it is, in China's GI register). */
    gi(name: string, issuer: string, validUntil: string): Certificate {
      return { kind: 'gi', number: name, issuer, validUntil };
    },
    iso22000(serial: number, validUntil: string): Certificate {
      return { kind: 'iso22000', number: `ISO 22000:2018 ${code}-${String(serial).padStart(6, '0')}`, issuer: 'Accredited food safety certification body', validUntil };
    },
  };
}
