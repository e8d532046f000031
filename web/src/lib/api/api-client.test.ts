import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { ApiOffline, ApiRefusal, ApiUnreadable, createApiClient } from './api-client.js';

const answering = (response: () => Response): typeof fetch => async () => response();
const schema = z.object({ n: z.number() });

describe('the API client', () => {
  it('reads an answer with its schema, at the base URL, sending the cookie', async () => {
    const seen: [string, RequestInit | undefined][] = [];
    const api = createApiClient({
      fetch: async (input, init) => (seen.push([String(input), init]), Response.json({ n: 1 })),
      baseUrl: 'https://dongne.test',
    });
    expect(await api.json('/api/x', schema)).toEqual({ n: 1 });
    expect(seen).toEqual([['https://dongne.test/api/x', { credentials: 'same-origin' }]]);
  });

  it('throws the server’s refusal with its code, sentence and status', async () => {
    const api = createApiClient({ fetch: answering(() => Response.json({ error: { code: 'auth.required', message: 'Sign in.' } }, { status: 401 })) });
    const refusal = await api.send('/api/x').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiRefusal);
    expect(refusal).toMatchObject({ status: 401, code: 'auth.required', message: 'Sign in.', fromServer: true });
  });

  it('names the status when the refusal is not the API’s error shape', async () => {
    const api = createApiClient({ fetch: answering(() => new Response('<h1>Bad gateway</h1>', { status: 502 })) });
    expect(await api.send('/api/x').catch((e: unknown) => e)).toMatchObject({ code: 'http.502', message: 'The server answered 502.', fromServer: false });
  });

  it('tells no connection from an answer it could not read', async () => {
    const offline = createApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(offline.json('/api/x', schema)).rejects.toBeInstanceOf(ApiOffline);
    const cutOff = createApiClient({ fetch: answering(() => new Response('{"n":')) });
    await expect(cutOff.json('/api/x', schema)).rejects.toBeInstanceOf(ApiUnreadable);
    const wrongShape = createApiClient({ fetch: answering(() => Response.json({ n: 'one' })) });
    await expect(wrongShape.json('/api/x', schema)).rejects.toBeInstanceOf(ApiUnreadable);
  });
});
