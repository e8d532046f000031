// Neighbourhoods the demo data and the listing editor offer until GPS neighbourhoods land.
export const NEIGHBOURHOOD_NAMES = [
  'Pangyo-dong 판교동',
  'Baekhyeon-dong 백현동',
  'Sampyeong-dong 삼평동',
  'Unjung-dong 운중동',
  'Jeongja-dong 정자동',
  'Seohyeon-dong 서현동',
  'Sunae-dong 수내동',
  'Yatap-dong 야탑동',
  'Mangwon-dong 망원동',
  'Yeonnam-dong 연남동',
] as const;
