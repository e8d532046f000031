// Helpers that turn bad requests into the shared error shape, never into a 500.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describeIssues, type ApiError, type ErrorCode } from '@dongne/shared';
import type { z } from 'zod/mini';
import { ServiceError } from '../services/service-error.js';

export function errorBody(code: ErrorCode, message: string, issues?: ApiError['error']['issues']): ApiError {
  return { error: issues ? { code, message, issues } : { code, message } };
}

export function sendError(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, issues?: ApiError['error']['issues']) {
  return c.json(errorBody(code, message, issues), status);
}

/** Reads a JSON body and checks it against a schema; throws a ServiceError a client can act on. */
export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ServiceError(415, 'request.not_json', 'Send the body as application/json.');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new ServiceError(400, 'request.malformed_json', 'The request body is not valid JSON.');
  }
  return parseWith(schema, body);
}

export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ServiceError(400, 'request.invalid', 'The request does not have the expected shape.', describeIssues(parsed.error));
  }
  return parsed.data;
}

/**
 * Who is asking (an IPv6 address by its /64 network, see addressKey), as the client-address
 * middleware found it; undefined when there is no socket (in-process requests).
 */
export function clientIp(c: Context): string | undefined {
  return c.get('clientIp');
}
