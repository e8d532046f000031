// How the neighbourhood screens word a place and a location reading in the person's language:
// distances as each language writes them, a neighbourhood's name, and what a reading can honestly
// say about where the person is.
import { neighbourhoodLabel, VERIFICATION_RULES, type Neighbourhood } from '@dongne/shared';
import { getLocale, intlLocale } from '../i18n/locale.js';

const distanceFormats = new Map<string, Intl.NumberFormat>();

/** "3.7 km" / "3.7km", "850 m" / "850m", "5 km": kilometres to one decimal from 1 km up. */
export function formatDistance(metres: number, locale = intlLocale()): string {
  const km = metres >= 1000;
  const key = `${locale}:${km}`;
  let format = distanceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: km ? 'kilometer' : 'meter',
      maximumFractionDigits: km ? 1 : 0,
    });
    distanceFormats.set(key, format);
  }
  return format.format(km ? metres / 1000 : Math.round(metres));
}

/** A neighbourhood's name as the person reads it: 판교동 in Korean, "Pangyo-dong 판교동" in English. */
export function placeName(place: Pick<Neighbourhood, 'nameEn' | 'nameKo'>, locale = getLocale()): string {
  return locale === 'ko' ? (place.nameKo ?? place.nameEn) : neighbourhoodLabel(place);
}

/**
 * The same for a name that arrives already joined ("Pangyo-dong 판교동", as the profile carries it):
 * its Korean part in Korean.
 */
export function labelName(label: string, locale = getLocale()): string {
  if (locale !== 'ko') return label;
  const korean = label.split(' ').filter((word) => /[\uac00-\ud7a3]/.test(word));
  return korean.length ? korean.join(' ') : label;
}

/**
 * A reading this precise could verify the person (the server's own bound), so it can also say
 * "you are here"; anything vaguer only says "near".
 */
export const PRECISE_READING_M = VERIFICATION_RULES.maxAccuracyM;

export type ReadingVerdict = 'here' | 'near' | 'nearest';

/**
 * What the app may say about a reading the server placed: inside a neighbourhood and precise
 * ("here"), inside but vague ("near": a 5 km circle can cover several neighbourhoods), or outside
 * every neighbourhood ("nearest").
 */
export function readingVerdict(reading: { contains: boolean; accuracyM: number }): ReadingVerdict {
  if (!reading.contains) return 'nearest';
  return reading.accuracyM <= PRECISE_READING_M ? 'here' : 'near';
}
