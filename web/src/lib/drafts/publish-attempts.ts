// How far from the neighbourhood's centre the person was when they tapped Publish, kept per draft on
// this device. The server refuses a listing published from too far away with only a code; with
// this the returned draft can still say "You were 20.4 km from 판교동" in the person's language. A
// distance only, never the coordinates.
const KEY = 'dongne.publishAttempts';
/** Enough for every draft a person has waiting; older attempts have long been judged. */
const KEPT = 20;

export interface PublishAttempt {
  distanceM: number;
  place: { nameEn: string; nameKo: string | null };
  at: number;
}

type Attempts = Record<string, PublishAttempt>;

function read(storage: Pick<Storage, 'getItem'> | undefined): Attempts {
  try {
    const value = JSON.parse(storage?.getItem(KEY) ?? '{}') as unknown;
    return value && typeof value === 'object' ? (value as Attempts) : {};
  } catch {
    return {};
  }
}

export function rememberPublishAttempt(draftId: string, attempt: PublishAttempt, storage: Storage | undefined = globalThis.localStorage): void {
  const kept = Object.entries({ ...read(storage), [draftId]: attempt })
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, KEPT);
  try {
    storage?.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Without it a refusal is still explained, only without the distance.
  }
}

export function publishAttempt(draftId: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): PublishAttempt | undefined {
  const attempt = read(storage)[draftId];
  return attempt && typeof attempt.distanceM === 'number' && attempt.place ? attempt : undefined;
}
