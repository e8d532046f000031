// Reporting (신고) a neighbour or a listing to moderation. Written to the outbox like any change, so
// a report made on the subway reaches the server when the connection returns.
import { describeIssues, reportCreateArgs, type ReportCreateArgs } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { enqueue, notifyLocalMutation } from '../sync/outbox.js';

export type ReportResult = { ok: true; id: string } | { ok: false; message: string };

/** Files a report; an empty text is left out. Refused here, with the reason, if the server would refuse it. */
export async function sendReport(db: DongneDb, report: Omit<ReportCreateArgs, 'id'>): Promise<ReportResult> {
  const text = report.text?.trim();
  const checked = reportCreateArgs.safeParse({ ...report, id: crypto.randomUUID(), text: text || undefined });
  if (!checked.success) return { ok: false, message: describeIssues(checked.error)[0]?.message ?? 'This report cannot be sent.' };
  const args = checked.data;
  // Filed under the report itself, not its target: a listing must not look "waiting to sync" to its
  // reporter as if they had changed it.
  await db.transaction('rw', db.replicaTables, () => enqueue(db, 'report.create', args, `report:${args.id}`));
  notifyLocalMutation();
  return { ok: true, id: args.id };
}
