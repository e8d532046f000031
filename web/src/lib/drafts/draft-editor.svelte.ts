// The listing editor's state and logic, apart from its markup. The draft is a Yjs document: every
// change is saved on this device shortly after it is typed, edits from the person's other devices
// merge in as they are pulled (saying so when both rewrote the same field), and Publish takes a GPS
// fix and queues the draft as a listing, warning first if, offline, the fix is clearly elsewhere.
import { liveQuery } from 'dexie';
import { distanceM, type Fix } from '@dongne/shared';
import type { DongneDb, Draft, LocalNeighbourhood } from '../db/db.js';
import { getMeta } from '../db/meta.js';
import { deleteDraft, EMPTY_DRAFT_FIELDS, ownDraft, publishDraft, validateDraft, type DraftFields } from '../db/drafts.js';
import { checkPlace, type PlaceCheck } from '../geo/place-check.js';
import { takeFix, type FixResult } from '../geo/take-fix.js';
import { mergeInto, openDraftDoc, readFields, REMOTE, writeFields, type Y } from './draft-doc.js';
import { fieldErrors } from './field-errors.js';
import { rememberPublishAttempt } from './publish-attempts.js';
import { watchRewrites, type RewritableField, type RewriteConflict, type RewriteWatch } from './rewrite-conflict.js';
import { saveDraftDoc } from './save-draft.js';

const AUTOSAVE_MS = 250;

export type SaveState = 'saved' | 'saving' | 'idle' | 'failed';

/** A publish held back on this device: the fix says the person is clearly elsewhere, or cannot say. */
export interface PlaceWarning {
  check: Exclude<PlaceCheck, { kind: 'fine' }>;
  place: LocalNeighbourhood;
  /** Kept for "Publish anyway", so the server judges the reading the person was warned about. */
  fix: Fix;
  neighbourhoodId: string;
}

export interface PublishOptions {
  locate?: () => Promise<FixResult>;
  /** No connection to Dongne: the listing would wait on this device before the server checks it. */
  offline?: boolean;
}

export class DraftEditor {
  /** undefined while opening; null when the draft is not (or no longer) on this device. */
  loaded = $state<Draft | null | undefined>(undefined);
  /** What the form shows; the document always holds the same. */
  fields = $state<DraftFields>({ ...EMPTY_DRAFT_FIELDS });
  saveState = $state<SaveState>('idle');
  errors = $state<Record<string, string>>({});
  locationError = $state('');
  /**
   * Set when an offline publish was held back to warn about where the person seems to be. Raw, not
   * deeply reactive: its fix goes into IndexedDB as it is, and a proxy cannot be stored there.
   */
  placeWarning = $state.raw<PlaceWarning | null>(null);
  /** Fields both this and another device rewrote while apart, newest merge last. */
  conflicts = $state<RewriteConflict[]>([]);
  publishing = $state(false);

  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts form changes, so a save knows whether a keystroke came in while it ran. */
  #changes = 0;
  /** The save in progress (or the last one): saves run one after another. */
  #saving: Promise<void> = Promise.resolve();
  #doc: Y.Doc | undefined;
  /** Yjs updates made here since the last save. */
  readonly #edits: Uint8Array[] = [];
  #stopWatching = () => {};
  #rewrites: RewriteWatch | undefined;

  constructor(
    private readonly db: DongneDb,
    readonly id: string,
  ) {}

  /** Opens the draft's document and starts taking in edits merged from elsewhere. */
  async open(): Promise<void> {
    const draft = (await ownDraft(this.db, this.id)) ?? null;
    if (draft) {
      const opened = openDraftDoc(draft.doc, draft, (update) => this.#edits.push(update));
      // Whatever merges in from elsewhere (a pull, or the stored copy at save time) goes on screen at
      // once: the next keystroke is diffed against what is shown, and must not undo it.
      opened.on('update', (_update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) return;
        this.fields = readFields(opened);
        // Settled elsewhere (the other device chose a version): the notice has nothing left to say.
        if (this.conflicts.length) this.conflicts = this.conflicts.filter((c) => this.fields[c.field] === c.merged);
      });
      this.#rewrites = watchRewrites(opened, (conflict) => {
        this.conflicts = [...this.conflicts.filter((c) => c.field !== conflict.field), conflict];
      });
      this.#doc = opened;
      this.fields = readFields(opened);
      // A draft opened for the first time gets its document stored (and sent) at once.
      if (this.#edits.length) this.changed();
      this.#stopWatching = this.#watchForMerges();
    }
    this.loaded = draft;
  }

  /** Stops watching and saves what is waiting (the page is going away). */
  close(): void {
    this.#stopWatching();
    this.#rewrites?.stop();
    void this.save();
  }

  /**
   * Edits from the person's other devices arrive in the stored copy with a sync: show them. A sync
   * that ends with nothing of this draft left to send has the server holding what this device
   * holds: the point a later rewrite here is measured from.
   */
  #watchForMerges() {
    let syncedAt: number | undefined;
    const watched = liveQuery(async () => ({
      stored: await this.db.drafts.get(this.id),
      waiting: await this.db.outbox.where('entityId').equals(this.id).count(),
      lastSyncedAt: await getMeta(this.db, 'lastSyncedAt'),
    }));
    const subscription = watched.subscribe(({ stored, waiting, lastSyncedAt }) => {
      if (!this.#doc || this.publishing) return;
      if (!stored) {
        // Deleted, or published, on another device.
        this.loaded = null;
        return;
      }
      // Merged first: what the sync brought is checked against the last agreement, not after it.
      if (stored.doc) mergeInto(this.#doc, stored.doc);
      if (lastSyncedAt !== syncedAt && waiting === 0 && this.saveState !== 'saving') this.#rewrites?.agreed();
      syncedAt = lastSyncedAt;
    });
    return () => subscription.unsubscribe();
  }

  /**
   * Saves now whatever is waiting for the autosave, after any save still running: two saves at once
   * would take the same queued edits twice.
   */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#saving = this.#saving.then(() => this.#saveWaiting());
    return this.#saving;
  }

  async #saveWaiting(): Promise<void> {
    if (!this.loaded || !this.#doc || this.saveState !== 'saving') return;
    const changesBefore = this.#changes;
    try {
      await saveDraftDoc(this.db, this.id, this.#doc, this.#edits);
      // A keystroke that came in while this save ran is not in it: that one's own save says "saved".
      if (this.#changes === changesBefore) this.saveState = 'saved';
    } catch {
      // The edits stay queued for the next save; say so rather than claim it is saved.
      this.saveState = 'failed';
    }
  }

  /** The form changed: the document takes it at once, the save to the device waits a moment. */
  changed(): void {
    if (this.#doc) writeFields(this.#doc, $state.snapshot(this.fields) as DraftFields);
    this.#changes++;
    this.saveState = 'saving';
    this.errors = {};
    this.placeWarning = null;
    // A field the person changed after a rewrite conflict is theirs to settle: the notice goes.
    if (this.conflicts.length) this.conflicts = this.conflicts.filter((c) => this.fields[c.field] === c.merged);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), AUTOSAVE_MS);
  }

  /**
   * Publishes in the active neighbourhood (`neighbourhoodId`, empty if none is chosen), with the GPS
   * fix taken now. Answers whether the draft is now a listing waiting to sync; if not, `errors`,
   * `locationError` or (offline, when the fix is clearly outside the neighbourhood or too vague)
   * `placeWarning` say why. The server checks the fix when the listing syncs: the warning only
   * comes first, and `publishAnyway` goes on with the same fix.
   */
  async publish(neighbourhoodId: string, { locate = takeFix, offline = false }: PublishOptions = {}): Promise<boolean> {
    await this.save();
    this.locationError = '';
    this.placeWarning = null;
    const checked = validateDraft(this.fields, neighbourhoodId);
    if (!checked.ok) {
      this.errors = fieldErrors(checked.issues, this.fields);
      return false;
    }
    this.publishing = true;
    // Where the person is when they tap Publish; checked by the server when the listing syncs.
    const located = await locate();
    if (!located.ok) {
      this.publishing = false;
      this.locationError = located.message;
      return false;
    }
    if (offline) {
      const place = await this.db.neighbourhoods.get(neighbourhoodId);
      const check = place ? checkPlace(located.fix, place) : { kind: 'fine' as const };
      if (place && check.kind !== 'fine') {
        this.publishing = false;
        this.placeWarning = { check, place, fix: located.fix, neighbourhoodId };
        return false;
      }
    }
    return this.#queue(neighbourhoodId, located.fix);
  }

  /** Publishes what the warning was about, with the reading it was about: the server decides. */
  async publishAnyway(): Promise<boolean> {
    const warning = this.placeWarning;
    if (!warning) return false;
    this.placeWarning = null;
    this.publishing = true;
    return this.#queue(warning.neighbourhoodId, warning.fix);
  }

  /** Takes back the warned publish: the draft stays as it is. */
  keepDraft(): void {
    this.placeWarning = null;
  }

  async #queue(neighbourhoodId: string, fix: Fix): Promise<boolean> {
    const result = await publishDraft(this.db, this.id, { neighbourhoodId, fix });
    if (result.ok) {
      // So a refusal for being too far can say how far, in the person's words.
      const place = await this.db.neighbourhoods.get(neighbourhoodId);
      if (place) rememberPublishAttempt(this.id, { distanceM: distanceM(fix, place), place: { nameEn: place.nameEn, nameKo: place.nameKo }, at: Date.now() });
      return true;
    }
    this.publishing = false;
    this.errors = fieldErrors(result.issues, this.fields);
    return false;
  }

  /** Settles a rewrite conflict: the other device's version (`theirs`) or this one's (`mine`). */
  settle(field: RewritableField, choice: 'theirs' | 'mine'): void {
    const conflict = this.conflicts.find((c) => c.field === field);
    if (!conflict) return;
    this.conflicts = this.conflicts.filter((c) => c !== conflict);
    this.fields[field] = conflict[choice];
    this.changed();
  }

  /** Deletes the draft here and, once synced, on the person's other devices. */
  async discard(): Promise<void> {
    clearTimeout(this.#timer);
    this.loaded = null;
    await deleteDraft(this.db, this.id);
  }
}
