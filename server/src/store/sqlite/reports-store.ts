// Reports on SQLite, kept for moderation and counted per target (enough of them hide a post or comment).
import type { NewReport, ReportTarget } from '../contract/trading.js';
import type { Db } from './database.js';
import { refusingDuplicates } from './refusing-duplicates.js';

export function createReportsStore(db: Db) {
  const insert = db.prepare(`
    INSERT INTO reports (id, reporter_id, target, target_id, reason, text, created_at)
    VALUES (@id, @reporterId, @target, @targetId, @reason, @text, @createdAt)`);
  const reportersOf = db.prepare('SELECT DISTINCT reporter_id FROM reports WHERE target = ? AND target_id = ? ORDER BY reporter_id').pluck();
  return {
    insert(report: NewReport) {
      refusingDuplicates('report', () => insert.run(report), { primaryKey: true });
    },
    reportersOf: (target: ReportTarget, targetId: string) => reportersOf.all(target, targetId) as string[],
  };
}
