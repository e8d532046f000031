// What is wrong with a sign-up or sign-in field, in the person's language. The shared schemas' own
// words are English, so the form reads the rule an issue broke and says it with the app's messages.
import { NICKNAME_RULES } from '@dongne/shared';
import { m } from '../paraglide/messages.js';

export type AuthField = 'nickname' | 'password';

/** The parts of a zod issue the words depend on (zod/mini's issue shape). */
export interface FieldIssue {
  code: string;
  path: readonly PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  input?: unknown;
}

const PASSWORD_RULES = { min: 8, max: 200 } as const;

export function issueField(issue: Pick<FieldIssue, 'path'>): AuthField | undefined {
  const field = issue.path[0];
  return field === 'nickname' || field === 'password' ? field : undefined;
}

/** One issue in words: by field and by the rule it broke. */
export function describeFieldIssue(issue: FieldIssue): string {
  const field = issueField(issue);
  const min = Number(issue.minimum ?? (field === 'nickname' ? NICKNAME_RULES.min : PASSWORD_RULES.min));
  const max = Number(issue.maximum ?? (field === 'nickname' ? NICKNAME_RULES.max : PASSWORD_RULES.max));
  if (field === 'nickname') {
    if (issue.code === 'invalid_type') return m.account_nickname_missing();
    if (issue.code === 'too_small') return min <= 1 ? m.account_nickname_missing() : m.account_nickname_too_short({ min });
    if (issue.code === 'too_big') return m.account_nickname_too_long({ max });
    return m.account_nickname_characters();
  }
  if (field === 'password') {
    if (issue.code === 'invalid_type') return m.account_password_missing();
    if (issue.code === 'too_small') return m.account_password_too_short({ min });
    if (issue.code === 'too_big') return m.account_password_too_long({ max });
    return m.account_password_control();
  }
  return m.account_field_invalid();
}
