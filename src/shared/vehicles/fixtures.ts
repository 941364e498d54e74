import type { PortFamily } from './ports';
import type { VehicleSpec } from './vehicle-spec';

/**
 * The Nissan Leaf e+ 62 kWh as Open EV Data has it (data/ev-vehicles-open-ev-data/ev-data.json): the car of the
 * issues' trip scenario, used by tests and benchmarks.
 */
export const LEAF_E_PLUS_SPEC: VehicleSpec = {
  batteryKwh: 62,
  consumptionKwhPer100Km: 17.2,
  ac: { ports: ['type2'], maxPowerKw: 6.6, phases: 1 },
  dc: { ports: ['chademo'], maxPowerKw: 100, curve: [{ percentage: 0, power: 95 }, { percentage: 75, power: 100 }, { percentage: 100, power: 6.6 }], isDefaultCurve: true },
};

/** The same car as the web app keeps it as "my vehicle". */
export const LEAF_E_PLUS = {
  vehicleId: 'nissan-leaf',
  variantUuid: 'leaf-e-plus-62',
  name: 'Nissan Leaf',
  variantName: 'e+ 62 kWh',
  ports: ['type2', 'chademo'] as PortFamily[],
  spec: LEAF_E_PLUS_SPEC,
};
