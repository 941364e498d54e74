/** Colours per power class (slow / fast / rapid / ultra, Leccy's speeds) and for unknown power. */
export const POWER_COLOURS = { slow: '#64748b', fast: '#0284c7', rapid: '#ea580c', ultra: '#7c3aed', unknown: '#94a3b8' } as const;

/** Live availability badges: free, in use, offline (PlugShare's codes 1–3); no badge when unknown or stale. */
export const AVAILABILITY_COLOURS = { 1: '#16a34a', 2: '#db2777', 3: '#1f2937' } as const;

/** Status rings of single locations. */
export const STATUS_RING_COLOURS = { not_operational: '#dc2626', planned: '#facc15', unknown: '#cbd5e1' } as const;
