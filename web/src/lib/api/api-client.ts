// The one way the app talks to the server's API: a request that either answers (read against a
// shared zod schema) or fails as one of three typed errors — no connection, the server's refusal
// ({code, message} in the shared apiErrorSchema), or an answer that could not be read.
import { apiErrorOf } from './api-error-body.js';

type Issue = { path: string; message: string };

/** The request never got an answer: no connection, or it dropped before the response began. */
export class ApiOffline extends Error {
  constructor(message = 'No connection to the server.') {
    super(message);
    this.name = 'ApiOffline';
  }
}

/**
 * The answer began but could not be read, or was not what the schema expects. Most often a body cut
 * off mid-way, which is a dropped connection by another name: retry later.
 */
export class ApiUnreadable extends Error {
  constructor(message = 'The connection dropped while reading the server’s answer.') {
    super(message);
    this.name = 'ApiUnreadable';
  }
}

/** The server said no: its machine code and its sentence for people. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly Issue[] = [],
    /** False when the body was not the API's error shape (a proxy's page, a cut-off body): code is `http.<status>`. */
    readonly fromServer = true,
    /** With sync.seq_gap: the number the server expects this device's next new mutation to carry… */
    readonly expectedSeq?: number,
    /** …and the refused batch's mutations it has not processed, to number again from there. */
    readonly unprocessed?: readonly string[],
  ) {
    super(message);
    this.name = 'ApiRefusal';
  }

  /** Reads the refusal a response that is not ok carries. */
  static async of(response: Response): Promise<ApiRefusal> {
    const error = apiErrorOf(await response.json().catch(() => null));
    if (!error) return new ApiRefusal(response.status, `http.${response.status}`, `The server answered ${response.status}.`, [], false);
    const { code, message, issues, expectedSeq, unprocessed } = error;
    return new ApiRefusal(response.status, code, message, issues, true, expectedSeq, unprocessed);
  }
}

/** Anything with zod's `parse`: every response is read against a shared schema. */
export interface Schema<T> {
  parse(value: unknown): T;
}

export interface ApiClient {
  /** Sends a request and answers the response if it is ok; otherwise throws ApiRefusal or ApiOffline. */
  send(path: string, init?: RequestInit): Promise<Response>;
  /** Sends a request and reads its JSON answer with `schema` (ApiUnreadable if that fails). */
  json<T>(path: string, schema: Schema<T>, init?: RequestInit): Promise<T>;
}

/** Reads a response's JSON body with `schema`; a body cut off or of the wrong shape is ApiUnreadable. */
export async function readJson<T>(response: Response, schema: Schema<T>): Promise<T> {
  try {
    return schema.parse(await response.json());
  } catch {
    throw new ApiUnreadable();
  }
}

/** A JSON request body with its content type. */
export function jsonBody(body: unknown, method = 'POST'): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

// Looked up on each call, not captured: the window's fetch must be called as a plain function.
const browserFetch: typeof fetch = (input, init) => fetch(input, init);

/**
 * A client over `fetch` (the browser's unless given: the service worker and tests bring their own)
 * for the API at `baseUrl` (empty: same origin).
 */
export function createApiClient({ fetch: fetchFn = browserFetch, baseUrl = '' }: { fetch?: typeof fetch; baseUrl?: string } = {}): ApiClient {
  async function send(path: string, init?: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetchFn(`${baseUrl}${path}`, { credentials: 'same-origin', ...init });
    } catch {
      throw new ApiOffline();
    }
    if (!response.ok) throw await ApiRefusal.of(response);
    return response;
  }
  return {
    send,
    json: async (path, schema, init) => readJson(await send(path, init), schema),
  };
}

/** The page's client: same origin, the browser's network. */
export const api = createApiClient();
