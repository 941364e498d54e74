/**
 * Charging speeds as Leccy's networks API names them (slow / fast / rapid / ultra), with the UK industry bands
 * those names come from: slow under 7 kW, fast 7 to under 25 kW (AC up to 22 kW), rapid 25 to under 100 kW,
 * ultra 100 kW and more.
 */
export const POWER_CLASSES = ['slow', 'fast', 'rapid', 'ultra'] as const;
export type PowerClass = (typeof POWER_CLASSES)[number];

export const POWER_CLASS_MIN_KW: Record<PowerClass, number> = { slow: 0, fast: 7, rapid: 25, ultra: 100 };

export function powerClass(kw: number | null | undefined): PowerClass | null {
  if (kw === null || kw === undefined || !Number.isFinite(kw) || kw <= 0) return null;
  if (kw >= POWER_CLASS_MIN_KW.ultra) return 'ultra';
  if (kw >= POWER_CLASS_MIN_KW.rapid) return 'rapid';
  if (kw >= POWER_CLASS_MIN_KW.fast) return 'fast';
  return 'slow';
}
