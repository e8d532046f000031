// A neighbourhood's name for display (apart from neighbourhood.ts's schemas, so a screen that only
// names a place does not load zod for it).

/** "Pangyo-dong 판교동": the English name, then the Korean one when there is one. */
export function neighbourhoodLabel(n: { nameEn: string; nameKo?: string | null }): string {
  return n.nameKo ? `${n.nameEn} ${n.nameKo}` : n.nameEn;
}
