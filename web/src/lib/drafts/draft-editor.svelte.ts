// The listing editor's state and logic, apart from its markup. The draft is a Yjs document: every
// change is saved on this device shortly after it is typed, edits from the person's other devices
// merge in as they are pulled, and Publish takes a GPS fix and queues the draft as a listing.
import { liveQuery } from 'dexie';
import type { DongneDb, Draft } from '../db/db.js';
import { deleteDraft, EMPTY_DRAFT_FIELDS, ownDraft, publishDraft, validateDraft, type DraftFields } from '../db/drafts.js';
import { takeFix, type FixResult } from '../geo/take-fix.js';
import { mergeInto, openDraftDoc, readFields, REMOTE, writeFields, type Y } from './draft-doc.js';
import { saveDraftDoc } from './save-draft.js';

const AUTOSAVE_MS = 250;

export type SaveState = 'saved' | 'saving' | 'idle' | 'failed';

/** Form errors by field (the first part of the issue's path), `form` for the draft as a whole. */
const errorsOf = (issues: { path: string; message: string }[]) => Object.fromEntries(issues.map((i) => [i.path.split('.')[0] || 'form', i.message]));

export class DraftEditor {
  /** undefined while opening; null when the draft is not (or no longer) on this device. */
  loaded = $state<Draft | null | undefined>(undefined);
  /** What the form shows; the document always holds the same. */
  fields = $state<DraftFields>({ ...EMPTY_DRAFT_FIELDS });
  saveState = $state<SaveState>('idle');
  errors = $state<Record<string, string>>({});
  locationError = $state('');
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
        if (origin === REMOTE) this.fields = readFields(opened);
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
    void this.save();
  }

  /** Edits from the person's other devices arrive in the stored copy with a sync: show them. */
  #watchForMerges() {
    const subscription = liveQuery(() => this.db.drafts.get(this.id)).subscribe((stored) => {
      if (!this.#doc || this.publishing) return;
      if (!stored) {
        // Deleted, or published, on another device.
        this.loaded = null;
        return;
      }
      if (stored.doc) mergeInto(this.#doc, stored.doc);
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
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), AUTOSAVE_MS);
  }

  /**
   * Publishes in the active neighbourhood (`neighbourhoodId`, empty if none is chosen), with the GPS
   * fix taken now. Answers whether the draft is now a listing waiting to sync; if not, `errors` or
   * `locationError` say why.
   */
  async publish(neighbourhoodId: string, locate: () => Promise<FixResult> = takeFix): Promise<boolean> {
    await this.save();
    this.locationError = '';
    const checked = validateDraft(this.fields, neighbourhoodId);
    if (!checked.ok) {
      this.errors = errorsOf(checked.issues);
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
    const result = await publishDraft(this.db, this.id, { neighbourhoodId, fix: located.fix });
    if (result.ok) return true;
    this.publishing = false;
    this.errors = errorsOf(result.issues);
    return false;
  }

  /** Deletes the draft here and, once synced, on the person's other devices. */
  async discard(): Promise<void> {
    clearTimeout(this.#timer);
    this.loaded = null;
    await deleteDraft(this.db, this.id);
  }
}
