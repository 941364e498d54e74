// A separate entry, listed before main.tsx in index.html: it runs before the map library is evaluated, so the first
// view's data is on its way while the rest of the app starts (see app/early-map-request.ts).
import { requestFirstMapView } from './app/early-map-request';

requestFirstMapView(window.location, window.innerWidth, window.innerHeight);
