/** Currencies of the countries whose chargers we hold or are likely to import, by ISO 3166-1 alpha-2 code. */
const EURO = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
const BY_COUNTRY: Record<string, string> = {
  ...Object.fromEntries(EURO.map((c) => [c, 'EUR'])),
  US: 'USD', PR: 'USD', CA: 'CAD', MX: 'MXN', GB: 'GBP', IM: 'GBP', JE: 'GBP', GG: 'GBP', CH: 'CHF', LI: 'CHF', NO: 'NOK', SE: 'SEK',
  DK: 'DKK', IS: 'ISK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', BG: 'BGN', AU: 'AUD', NZ: 'NZD', JP: 'JPY', KR: 'KRW', CN: 'CNY',
  HK: 'HKD', SG: 'SGD', TW: 'TWD', IN: 'INR', ZA: 'ZAR', IL: 'ILS', AE: 'AED', TR: 'TRY', BR: 'BRL',
};

export function currencyOfCountry(iso: string | null | undefined): string | null {
  return iso ? (BY_COUNTRY[iso.toUpperCase()] ?? null) : null;
}

/** Minor units per major unit (cents, pence); the few currencies without minor units are listed. */
export function minorUnits(currency: string): number {
  return currency === 'JPY' || currency === 'KRW' || currency === 'ISK' ? 1 : 100;
}

/** "$0.35", "£1.20", "€0.24"; other currencies by code. */
export function formatMoney(amountMajor: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: amountMajor !== 0 && Math.abs(amountMajor) < 1 ? 3 : 2, minimumFractionDigits: 2 }).format(amountMajor);
  } catch {
    return `${amountMajor.toFixed(2)} ${currency}`;
  }
}
