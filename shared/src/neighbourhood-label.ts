// A neighbourhood's name for display (apart from neighbourhood.ts's schemas, so a screen that only
// names a place does not load zod for it).

/** "Pangyo-dong 판교동": the English name, then the Korean one when there is one. */
export function neighbourhoodLabel(n: { nameEn: string; nameKo?: string | null }): string {
  return n.nameKo ? `${n.nameEn} ${n.nameKo}` : n.nameEn;
}

/**
 * A name that arrives already joined ("Pangyo-dong 판교동", as a listing carries it) in a language:
 * in Korean only its Korean words (판교동); in English as it is (the Korean name helps there too: it is
 * what the signs say).
 */
export function joinedLabelIn(label: string, language: 'ko' | 'en'): string {
  if (language !== 'ko') return label;
  const korean = label.split(' ').filter((word) => /[\uac00-\ud7a3]/.test(word));
  return korean.length ? korean.join(' ') : label;
}
