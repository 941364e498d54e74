import type { Vehicle, VehicleMake, VehiclesQuery } from '../../shared/api/leccy-vehicles';
import type { VehicleRepository } from '../repositories/vehicle-repository';
import { buildVehicles, catalogVariants, makeId, queryVehicles, type CatalogVariant } from './vehicle-catalog';

/** The vehicle catalogue, built from the vehicles table once per change of its contents. */
export class VehicleService {
  private cache: { version: string; variants: CatalogVariant[] } | null = null;

  constructor(private readonly repo: VehicleRepository) {}

  private variants(): CatalogVariant[] {
    const version = this.repo.version();
    if (this.cache?.version !== version) {
      const rows = this.repo.all();
      const date = this.repo.dataDate();
      // Without the data set's own date, the newest release year in it stands for the snapshot year.
      const year = date ? new Date(date).getUTCFullYear() : Math.max(0, ...rows.map((r) => r.release_year ?? 0));
      this.cache = { version, variants: catalogVariants(rows, year) };
    }
    return this.cache.variants;
  }

  list(q: VehiclesQuery, withVariants: boolean): Vehicle[] {
    // Filters that look at variant names need the variants even when the caller may not see them.
    const all = queryVehicles(buildVehicles(this.variants(), q.distance, true), q);
    return withVariants ? all : all.map((v) => ({ ...v, variants: [] }));
  }

  get(id: string, distance: VehiclesQuery['distance'], withVariants: boolean): Vehicle | null {
    return buildVehicles(this.variants(), distance, withVariants).find((v) => v.id === id) ?? null;
  }

  /** ev.energy vehicle makes, one per brand, sorted by name. */
  makes(baseUrl: string): VehicleMake[] {
    const byId = new Map<string, VehicleMake>();
    for (const v of this.variants()) {
      const id = makeId(v.brandId ?? Buffer.from(v.brand).toString('hex').slice(0, 32));
      if (byId.has(id)) continue;
      byId.set(id, {
        id,
        url: `${baseUrl}/v2/vehicle_makes/${id}`,
        name: v.brand,
        icon: null,
        onboarding_url: null,
        models: `${baseUrl}/v1/vehicles?manufacturer=${encodeURIComponent(v.brand)}`,
      });
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
