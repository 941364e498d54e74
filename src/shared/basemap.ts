/**
 * The offline basemap's tiles, as build-basemap writes them and the map's style reads them: zoom 0 to this, overzoomed
 * by MapLibre beyond it (Natural Earth 1:50m has no more detail to show), with these layers in every tile.
 */
export const BASEMAP_TILES_MAX_ZOOM = 6;
export const BASEMAP_LAYERS = ['land', 'lakes', 'borders', 'cities'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];
