// Reports on PostgreSQL, kept for moderation.
import type { ReportsRepo } from '../contract/trading.js';
import { rows, type Queryable } from './queryable.js';
import { insertRefusingDuplicates } from './refusing-duplicates.js';

export function createReportsRepo(db: Queryable): ReportsRepo {
  return {
    async insert(report) {
      await insertRefusingDuplicates(
        db,
        'report',
        `INSERT INTO reports (id, reporter_id, target, target_id, reason, text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING`,
        [report.id, report.reporterId, report.target, report.targetId, report.reason, report.text, report.createdAt],
      );
    },
    async reportersOf(target, targetId) {
      const found = await rows<{ reporter_id: string }>(db, 'SELECT DISTINCT reporter_id FROM reports WHERE target = $1 AND target_id = $2 ORDER BY reporter_id', [target, targetId]);
      return found.map((r) => r.reporter_id);
    },
  };
}
