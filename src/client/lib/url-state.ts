/** What a shared link carries: map position and the selected location. */
export interface UrlState {
  center: [number, number];
  zoom: number;
  selected: number | null;
}

export const DEFAULT_VIEW: UrlState = { center: [40.7549, -73.984], zoom: 12, selected: null };

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** `?at=lat,lng,zoom&location=id` — short, readable and stable to share. */
export function encodeUrlState(s: UrlState, existing = ''): string {
  const params = new URLSearchParams(existing);
  params.set('at', `${round(s.center[0], 5)},${round(s.center[1], 5)},${round(s.zoom, 2)}`);
  if (s.selected !== null) params.set('location', String(s.selected));
  else params.delete('location');
  return params.toString();
}

export function decodeUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const at = (params.get('at') ?? '').split(',').map(Number);
  const valid = at.length === 3 && at.every(Number.isFinite) && Math.abs(at[0]) <= 90 && Math.abs(at[1]) <= 180 && at[2] >= 0 && at[2] <= 22;
  const id = Number(params.get('location'));
  return {
    center: valid ? [at[0], at[1]] : DEFAULT_VIEW.center,
    zoom: valid ? at[2] : DEFAULT_VIEW.zoom,
    selected: params.has('location') && Number.isInteger(id) && id > 0 ? id : null,
  };
}
