/** A count as a badge shows it: past 99, "99+". */
export const countBadge = (n: number): string => (n > 99 ? '99+' : String(n));
