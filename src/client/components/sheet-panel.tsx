import type { ReactNode } from 'react';

/** Where a panel sits on a laptop; on a phone every panel is a bottom sheet. */
const PLACEMENT = {
  right: 'sm:inset-y-3 sm:left-auto sm:right-3 sm:w-96',
  left: 'sm:inset-y-3 sm:left-3 sm:right-auto sm:w-96',
  'left-below-header': 'sm:inset-y-auto sm:bottom-3 sm:left-3 sm:top-36 sm:w-80',
} as const;

interface Props {
  placement: keyof typeof PLACEMENT;
  /** Accessible name and visible heading. */
  title: ReactNode;
  titleId: string;
  testId: string;
  closeLabel: string;
  onClose: () => void;
  /** Extra buttons next to the close button. */
  actions?: ReactNode;
  children: ReactNode;
}

/** The app's side panels (details, filters, list): a titled sheet with a close button. */
export function SheetPanel({ placement, title, titleId, testId, closeLabel, onClose, actions, children }: Props) {
  return (
    <aside
      className={`absolute inset-x-0 bottom-0 z-20 max-h-[60dvh] overflow-y-auto rounded-t-xl bg-white p-4 text-sm shadow-2xl sm:max-h-none sm:rounded-xl ${PLACEMENT[placement]}`}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <div className="flex shrink-0 gap-1">
          {actions}
          <button className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 focus:outline-2 focus:outline-emerald-600" onClick={onClose} aria-label={closeLabel}>
            ✕
          </button>
        </div>
      </div>
      {children}
    </aside>
  );
}
