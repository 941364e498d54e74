import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';

export const CHARGER_SOURCE = 'chargers';
/**
 * The same chargers again, for the cluster counts only. A tile is ready when all its layers are laid out, and text
 * waits for glyphs (a font load and a round trip to the page's thread): on their own source the circles are drawn
 * without waiting for the numbers (0.3–0.4 s sooner on a slow machine).
 */
export const CHARGER_LABEL_SOURCE = 'charger-labels';
/** Both sources the chargers' data goes to. */
export const CHARGER_SOURCES = [CHARGER_SOURCE, CHARGER_LABEL_SOURCE] as const;

import { AVAILABILITY_COLOURS, POWER_COLOURS, STATUS_RING_COLOURS } from './charger-colours';

export { AVAILABILITY_COLOURS, POWER_COLOURS };

const powerColour = ['match', ['get', 'power_class'], 'slow', POWER_COLOURS.slow, 'fast', POWER_COLOURS.fast, 'rapid', POWER_COLOURS.rapid, 'ultra', POWER_COLOURS.ultra, POWER_COLOURS.unknown];
// MapLibre's own clusters carry the highest power class of their points (see clusterProperties below).
const clusterColour = [
  'step',
  ['get', 'max_rank'],
  POWER_COLOURS.unknown,
  1,
  POWER_COLOURS.slow,
  2,
  POWER_COLOURS.fast,
  3,
  POWER_COLOURS.rapid,
  4,
  POWER_COLOURS.ultra,
];
const isCluster = ['>', ['coalesce', ['get', 'point_count'], 1], 1] as FilterSpecification;
const isPoint = ['<=', ['coalesce', ['get', 'point_count'], 1], 1] as FilterSpecification;

/** Rank of a power class, so clusters can aggregate "the highest class inside" with max. */
export const POWER_RANK_EXPRESSION = ['match', ['get', 'power_class'], 'slow', 1, 'fast', 2, 'rapid', 3, 'ultra', 4, 0];

/**
 * Layers for chargers: clusters (from the server at low zoom, or from MapLibre's clustering of points) as circles
 * sized by count, single locations as dots coloured by power class, ringed by status (grey = not operational,
 * dashed look via a lighter ring = planned), and a highlight for the selected location.
 */
export function chargerLayers(): LayerSpecification[] {
  return [
    {
      id: 'charger-clusters',
      type: 'circle',
      source: CHARGER_SOURCE,
      filter: isCluster,
      paint: {
        'circle-color': ['coalesce', ['case', ['has', 'max_rank'], clusterColour, powerColour], POWER_COLOURS.unknown] as never,
        'circle-opacity': 0.85,
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 12, 100, 20, 5000, 30],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'charger-cluster-count',
      type: 'symbol',
      source: CHARGER_LABEL_SOURCE,
      filter: isCluster,
      layout: { 'text-field': ['to-string', ['get', 'point_count']], 'text-font': ['Noto Sans Regular'], 'text-size': 12, 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: 'charger-points',
      type: 'circle',
      source: CHARGER_SOURCE,
      filter: isPoint,
      paint: {
        'circle-color': powerColour as never,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 7, 18, 10],
        'circle-stroke-width': 2,
        'circle-stroke-color': ['match', ['get', 'status'], 'not_operational', STATUS_RING_COLOURS.not_operational, 'planned', STATUS_RING_COLOURS.planned, 'unknown', STATUS_RING_COLOURS.unknown, '#ffffff'] as never,
        'circle-opacity': ['match', ['get', 'status'], 'not_operational', 0.55, 'planned', 0.7, 1] as never,
      },
    },
    {
      // A small badge at the dot's upper right: what the live feed says now.
      id: 'charger-live',
      type: 'circle',
      source: CHARGER_SOURCE,
      filter: ['all', isPoint, ['>=', ['coalesce', ['get', 'availability'], 0], 1]] as FilterSpecification,
      paint: {
        'circle-color': ['match', ['get', 'availability'], 1, AVAILABILITY_COLOURS[1], 2, AVAILABILITY_COLOURS[2], AVAILABILITY_COLOURS[3]] as never,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 14, 4, 18, 5],
        'circle-translate': [7, -7],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'charger-selected',
      type: 'circle',
      source: CHARGER_SOURCE,
      filter: ['==', ['get', 'id'], -1],
      paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 14, 'circle-stroke-color': '#111827', 'circle-stroke-width': 3 },
    },
  ];
}

/** The filter that highlights one location (or none). */
export const selectedFilter = (id: number | null): FilterSpecification => ['==', ['get', 'id'], id ?? -1];
