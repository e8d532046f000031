// What a business's owner does on this device: open a business (with the GPS reading taken at the
// shop), try again or let go of one the server refused, start and end its ads. Each is its
// optimistic change and its outbox entry recorded together, so all of it works offline.
import { AD_LIMITS, businessCreateArgs, campaignCreateArgs, describeIssues, type Fix, type MutationArgs, type MutationName } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { enqueue, notifyLocalMutation } from '../sync/outbox.js';

/** Refused here: the fields the server would refuse, each with the schema's issue code. */
export type FormResult = { ok: true; id: string } | { ok: false; fields: Record<string, string> };

function fieldsOf(error: Parameters<typeof describeIssues>[0]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of describeIssues(error)) fields[issue.path.split('.')[0]] ??= issue.message;
  return fields;
}

async function act<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N>, entityId: string, fix?: Fix, before?: () => Promise<unknown>) {
  await db.transaction('rw', db.replicaTables, async () => {
    await before?.();
    await enqueue(db, name, args, entityId, fix);
  });
  notifyLocalMutation();
}

/** Opens a business; `fix` is the reading taken at the shop now, judged by the server at sync. */
export async function openBusiness(db: DongneDb, input: { id?: string; name: string; category: string; neighbourhoodId: string }, fix: Fix): Promise<FormResult> {
  const checked = businessCreateArgs.safeParse({ ...input, id: input.id ?? crypto.randomUUID() });
  if (!checked.success) return { ok: false, fields: fieldsOf(checked.error) };
  await act(db, 'business.create', checked.data, checked.data.id, fix);
  return { ok: true, id: checked.data.id };
}

/**
 * Sends a refused business again, under the same id (the server kept nothing of it), with a new
 * reading: the refusal is set aside so the optimistic row shows it waiting again.
 */
export async function retryBusiness(db: DongneDb, id: string, fix: Fix): Promise<boolean> {
  const row = await db.businesses.get(id);
  if (!row?.failed) return false;
  const args = { id, name: row.name, category: row.category, neighbourhoodId: row.neighbourhoodId };
  await act(db, 'business.create', args, id, fix, () => db.businesses.delete(id));
  return true;
}

/** A refused business (or campaign) the person read about and let go. */
export async function letGoOfBusiness(db: DongneDb, id: string): Promise<void> {
  await db.transaction('rw', [db.businesses, db.campaigns], async () => {
    if (!(await db.businesses.get(id))?.failed) return;
    await db.businesses.delete(id);
    await db.campaigns.where('businessId').equals(id).delete();
  });
}

export async function letGoOfCampaign(db: DongneDb, id: string): Promise<void> {
  if ((await db.campaigns.get(id))?.failed) await db.campaigns.delete(id);
}

/** How the shop chose to pay: per click, or per thousand impressions. */
export type CampaignPricing = 'click' | 'impressions';

/** The campaign form's fields as typed: numbers arrive as text. */
export interface CampaignInput {
  businessId: string;
  title: string;
  text: string;
  rangeLevel: number | undefined;
  dailyBudgetKrw: string;
  pricing: CampaignPricing;
  /** The price for the chosen pricing: per click, or per thousand impressions (blank: the default per click). */
  priceKrw: string;
}

/** The schema's field the price typed for `pricing` is checked as. */
export const priceFieldOf = (pricing: CampaignPricing) => (pricing === 'click' ? 'pricePerClickKrw' : 'pricePerThousandImpressionsKrw');

const won = (typed: string) => (typed.trim() === '' ? Number.NaN : Number(typed.replace(/[,\s원]/g, '')));

export async function startCampaign(db: DongneDb, input: CampaignInput): Promise<FormResult> {
  const checked = campaignCreateArgs.safeParse({
    id: crypto.randomUUID(),
    businessId: input.businessId,
    title: input.title,
    text: input.text,
    rangeLevel: input.rangeLevel,
    dailyBudgetKrw: won(input.dailyBudgetKrw),
    // Left blank, a click costs what most local ads pay; a price per thousand has no such default.
    [priceFieldOf(input.pricing)]: input.pricing === 'click' && input.priceKrw.trim() === '' ? AD_LIMITS.defaultPricePerClickKrw : won(input.priceKrw),
  });
  if (!checked.success) return { ok: false, fields: fieldsOf(checked.error) };
  await act(db, 'campaign.create', checked.data, checked.data.id);
  return { ok: true, id: checked.data.id };
}

export function endCampaign(db: DongneDb, id: string) {
  return act(db, 'campaign.end', { id }, id);
}
