// A draft as a Yjs document: title and description are Y.Text, so two devices typing into the same
// draft offline both keep their words; the other fields sit in a Y.Map, last writer wins. This is
// the only module that loads Yjs, and only the editor and a pull that brings drafts import it.
import * as Y from 'yjs';
import { EMPTY_DRAFT_FIELDS, type DraftFields } from '../db/drafts.js';

/** Marks changes that came from elsewhere (a pull), so the editor does not send them back. */
export const REMOTE = Symbol('remote');


export function readFields(doc: Y.Doc): DraftFields {
  const map = doc.getMap<unknown>('fields');
  return {
    title: doc.getText('title').toString(),
    description: doc.getText('description').toString(),
    price: (map.get('price') as string | undefined) ?? '',
    category: (map.get('category') as DraftFields['category'] | undefined) ?? '',
    acceptsOffers: (map.get('acceptsOffers') as boolean | undefined) ?? false,
    meetingSpot: (map.get('meetingSpot') as string | undefined) ?? '',
    photos: (map.get('photos') as DraftFields['photos'] | undefined) ?? [],
  };
}

/**
 * Changes the text to `next` by deleting and inserting only the part that differs, so an edit here
 * and one on another device at a different place in the text merge instead of one replacing the other.
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  // Never split an emoji's surrogate pair between the kept and the replaced part.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted) text.insert(start, inserted);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Writes the fields that differ from the document's, as one change. */
export function writeFields(doc: Y.Doc, fields: DraftFields): void {
  doc.transact(() => {
    replaceText(doc.getText('title'), fields.title);
    replaceText(doc.getText('description'), fields.description);
    const map = doc.getMap<unknown>('fields');
    const current = readFields(doc);
    for (const key of ['price', 'category', 'acceptsOffers', 'meetingSpot'] as const) {
      if (current[key] !== fields[key]) map.set(key, fields[key]);
    }
    if (JSON.stringify(current.photos) !== JSON.stringify(fields.photos)) map.set('photos', fields.photos);
  });
}

/**
 * The document stored with a draft; a draft without one yet is started from its fields. `onEdit`
 * hears every change made here (starting a document counts) but not what is merged in from elsewhere.
 */
export function openDraftDoc(
  state: Uint8Array | undefined,
  fallback: Partial<DraftFields> = {},
  onEdit?: (update: Uint8Array) => void,
): Y.Doc {
  const doc = new Y.Doc();
  if (onEdit) doc.on('update', (update: Uint8Array, origin: unknown) => origin !== REMOTE && onEdit(update));
  if (state) mergeInto(doc, state);
  else writeFields(doc, { ...EMPTY_DRAFT_FIELDS, ...fallback });
  return doc;
}

/** Merges a stored or pulled state into a document, marked as coming from elsewhere (REMOTE). */
export function mergeInto(doc: Y.Doc, state: Uint8Array): void {
  Y.applyUpdate(doc, state, REMOTE);
}

export const encodeDraft = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc);
export const mergeUpdates = (updates: Uint8Array[]): Uint8Array => Y.mergeUpdates(updates);

/** The local document with a pulled one merged in, and the fields of the result. */
export function mergeDraftStates(local: Uint8Array | undefined, remote: Uint8Array): { doc: Uint8Array; fields: DraftFields } {
  const doc = openDraftDoc(remote);
  if (local) mergeInto(doc, local);
  return { doc: encodeDraft(doc), fields: readFields(doc) };
}

export { Y };
