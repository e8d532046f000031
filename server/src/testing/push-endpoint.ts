// A push service of the test's own, since the browsers' vendors' are not reachable here: an HTTPS
// server on 127.0.0.1 (a self-signed certificate, which the `agent` it hands out trusts) that keeps
// every push it receives and answers with the status a test sets. Its devices are subscriptions
// whose keys the test holds, so it decrypts what arrived as the browser would. Tests only.
import { createECDH, randomBytes, randomUUID, type ECDH } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { decrypt } from 'http_ece';
import { generate } from 'selfsigned';
import { pushPayloadSchema, type PushPayload, type PushSubscriptionJson } from '@dongne/shared';

export interface ReceivedPush {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface TestPushDevice {
  /** As the browser's PushSubscription.toJSON() gives it, to PUT to /api/push/subscription. */
  subscription: PushSubscriptionJson;
  /** Every push that reached this device so far, however the endpoint answered it. */
  pushes(): ReceivedPush[];
  /** The pushes' bodies, decrypted with the device's private key and auth secret, and checked. */
  payloads(): PushPayload[];
  /** From now on the endpoint answers this device's pushes with `status` (201 until set). */
  answer(status: number): void;
}

export interface PushEndpoint {
  /** https://127.0.0.1:<port> */
  origin: string;
  /** An HTTPS agent that trusts the endpoint's certificate, for the dispatcher's sender. */
  agent: Agent;
  /** Every push received, in order. */
  received: ReceivedPush[];
  device(): TestPushDevice;
  close(): Promise<void>;
}

/** A certificate for 127.0.0.1 and its private key, PEM. */
export interface PushCertificate {
  cert: string;
  key: string;
}

let certificate: Promise<PushCertificate> | undefined;

/** The certificate this process's endpoints serve: an EC key is made in a moment, and one serves them all. */
export function pushCertificate(): Promise<PushCertificate> {
  certificate ??= generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  }).then(({ cert, private: key }) => ({ cert, key }));
  return certificate;
}

/**
 * Starts a push endpoint; close() it in afterEach. `certificate`: one made elsewhere, for servers in
 * other processes that were told to trust it (the journeys' NODE_EXTRA_CA_CERTS).
 */
export async function startPushEndpoint(options: { certificate?: PushCertificate } = {}): Promise<PushEndpoint> {
  const { cert, key } = options.certificate ?? (await pushCertificate());
  const received: ReceivedPush[] = [];
  const answers = new Map<string, number>();
  const server = createServer({ cert, key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(answers.get(path) ?? 201).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ ca: cert, keepAlive: false });

  return {
    origin,
    agent,
    received,
    device() {
      const path = `/push/${randomUUID()}`;
      const keys: ECDH = createECDH('prime256v1');
      keys.generateKeys();
      const auth = randomBytes(16);
      const pushes = () => received.filter((push) => push.path === path);
      return {
        subscription: { endpoint: `${origin}${path}`, keys: { p256dh: keys.getPublicKey('base64url'), auth: auth.toString('base64url') } },
        pushes,
        payloads: () =>
          pushes().map((push) => pushPayloadSchema.parse(JSON.parse(decrypt(push.body, { version: 'aes128gcm', privateKey: keys, authSecret: auth }).toString('utf8')))),
        answer: (status) => void answers.set(path, status),
      };
    },
    async close() {
      agent.destroy();
      await new Promise<void>((closed) => server.close(() => closed()));
    },
  };
}
