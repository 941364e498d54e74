import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/app';
import './index.css';
import { decodeFilters } from './features/filters/filters-codec';
import { decodeUrlState } from './lib/url-state';
import { firstMapView } from './app/early-map-request';
import { useFiltersStore } from './stores/filters-store';
import { useMapViewStore } from './stores/map-view-store';

// A shared link's filters and selection are in place before the first render and the first request.
useFiltersStore.getState().filtersLoaded(decodeFilters(new URLSearchParams(window.location.search)));
useMapViewStore.getState().locationSelected(decodeUrlState(window.location.search).selected);
// So is the view (the map's getBounds() will agree): its chargers are asked for before the map has been created.
const view = firstMapView(window.location, window.innerWidth, window.innerHeight);
if (view) useMapViewStore.getState().viewSettled(view);

// Query results reach components in the task that resolved them, not in a setTimeout(0) queued behind the map's
// frames (100–300 ms each under software rendering); updates within one task are still batched.
notifyManager.setScheduler(queueMicrotask);

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1 } } });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
