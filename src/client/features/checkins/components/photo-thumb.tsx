import { useState } from 'react';
import type { Photo } from '../../../../shared/api/checkins';

/** A photo thumbnail linking to the full image; photos hosted elsewhere (imported from OCM) that do not load become a text link. */
export function PhotoThumb({ photo, alt }: { photo: Photo; alt: string }) {
  const [failed, setFailed] = useState(false);
  return (
    <a href={photo.url} target="_blank" rel="noreferrer" className="inline-block">
      {failed ? (
        <span className="flex h-16 w-16 items-center justify-center rounded bg-slate-100 p-1 text-center text-[10px] text-slate-600">Photo (opens {new URL(photo.url, window.location.href).hostname})</span>
      ) : (
        <img src={photo.thumbnail ?? photo.url} alt={photo.caption ?? alt} className="h-16 w-16 rounded object-cover" loading="lazy" onError={() => setFailed(true)} data-testid="checkin-photo-thumb" />
      )}
    </a>
  );
}
