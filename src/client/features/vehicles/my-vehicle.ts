import type { Variant, Vehicle } from '../../../shared/api/leccy-vehicles';
import { PORT_FAMILIES, type PortFamily } from '../../../shared/vehicles/ports';
import type { MyVehicle } from '../../stores/vehicle-store';

/** The planning snapshot of a chosen variant; null when the data lacks a battery size. */
export function myVehicleFrom(vehicle: Vehicle, v: Variant): MyVehicle | null {
  if (v.batteryKwh === null) return null;
  const ports = [...new Set([...(v.ac?.ports ?? []), ...(v.dc?.ports ?? [])])].filter((p): p is PortFamily => (PORT_FAMILIES as readonly string[]).includes(p));
  return {
    vehicleId: vehicle.id,
    variantUuid: v.uuid,
    name: vehicle.name,
    variantName: v.name,
    ports,
    spec: {
      batteryKwh: v.batteryKwh,
      consumptionKwhPer100Km: v.consumptionKwhPer100Km,
      ac: v.ac && { ports: v.ac.ports.filter((p): p is PortFamily => (PORT_FAMILIES as readonly string[]).includes(p)), maxPowerKw: v.ac.maxPowerKw, phases: v.ac.phases },
      dc: v.dc && { ports: v.dc.ports.filter((p): p is PortFamily => (PORT_FAMILIES as readonly string[]).includes(p)), maxPowerKw: v.dc.maxPowerKw, curve: v.dc.curve, isDefaultCurve: v.dc.isDefaultCurve },
    },
  };
}
