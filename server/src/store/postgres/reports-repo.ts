// Reports on PostgreSQL, kept for moderation.
import type { ReportsRepo } from '../contract/trading.js';
import { row, type Queryable } from './queryable.js';
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
      return (await row<{ n: number }>(db, 'SELECT count(DISTINCT reporter_id)::int AS n FROM reports WHERE target = $1 AND target_id = $2', [target, targetId]))!.n;
    },
  };
}
