/** Cost code of a location from its cost text: 0 not stated, 1 free, 2 fee. LIKE is case-insensitive for ASCII. */
export const COST_CODE_SQL = "(CASE WHEN l.usage_cost IS NULL THEN 0 WHEN l.usage_cost LIKE 'free%' THEN 1 ELSE 2 END)";
