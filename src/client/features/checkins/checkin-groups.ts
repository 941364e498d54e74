import type { RefItem } from '../filters/api/get-reference-data';

type StatusType = RefItem & { IsPositive: boolean | null; IsAutomatedCheckin: boolean | null };

/** OCM check-in status types grouped for the form: success, failure, other (automated ones are not offered). */
export function groupStatusTypes(types: readonly StatusType[]) {
  const offered = types.filter((t) => !t.IsAutomatedCheckin);
  return [
    { label: 'Success', rating: 1 as const, types: offered.filter((t) => t.IsPositive === true) },
    { label: 'Failure', rating: -1 as const, types: offered.filter((t) => t.IsPositive === false) },
    { label: 'Other', rating: 0 as const, types: offered.filter((t) => t.IsPositive === null) },
  ];
}

/** The PlugShare rating a status stands for. */
export const ratingOf = (t: StatusType | undefined): -1 | 0 | 1 => (t?.IsPositive === true ? 1 : t?.IsPositive === false ? -1 : 0);
