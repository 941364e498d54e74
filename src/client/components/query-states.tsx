/** Skeleton rows shown while a list loads. */
export function RowsSkeleton({ rows = 3, height = 'h-8' }: { rows?: number; height?: string }) {
  return (
    <div aria-busy="true" className="mt-2 animate-pulse space-y-2">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`${height} rounded bg-slate-100`} />
      ))}
    </div>
  );
}

/** A failed request: what could not be loaded, the server's message, and a retry. */
export function LoadError({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <div role="alert" className="mt-2 text-red-800">
      Could not load {what}: {error.message}.{' '}
      <button className="underline" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
