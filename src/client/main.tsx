import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/app';
import './index.css';
import { decodeFilters } from './features/filters/filters-codec';
import { decodeUrlState } from './lib/url-state';
import { useFiltersStore } from './stores/filters-store';
import { useMapViewStore } from './stores/map-view-store';

// A shared link's filters and selection are in place before the first render and the first request.
useFiltersStore.getState().filtersLoaded(decodeFilters(new URLSearchParams(window.location.search)));
useMapViewStore.getState().locationSelected(decodeUrlState(window.location.search).selected);

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1 } } });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
