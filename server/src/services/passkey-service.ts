// Passkeys (WebAuthn) through @simplewebauthn/server: create an account with a passkey, add one to
// the signed-in account, and sign in with one. Each ceremony's challenge is stored server-side
// and can be answered once, within five minutes.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { ServiceError } from './service-error.js';
import type { Actor, SessionService, StartedSession } from './session-service.js';

const CHALLENGE_TTL_MS = 5 * 60_000;

/**
 * The WebAuthn library, loaded at the first passkey ceremony: it takes ~0.4 s to import, which every
 * server start (and every test that spawns one) would otherwise pay for a feature few requests use.
 */
const webauthn = () => import('@simplewebauthn/server');

/** The relying party: the site the passkey is bound to, as the browser saw it. */
export interface RelyingParty {
  id: string;
  origin: string;
}

function uuidBytes(uuid: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(uuid.replace(/-/g, ''), 'hex'));
}

export function createPasskeyService(store: Store, clock: Clock, session: SessionService) {
  async function takeChallenge(id: string, purpose: 'register' | 'authenticate') {
    const row = await store.passkeys.takeChallenge(id);
    if (!row || row.purpose !== purpose || row.expiresAt < clock.now()) {
      throw new ServiceError(400, 'passkey.challenge_expired', 'That passkey request has expired. Try again.');
    }
    return row;
  }

  async function saveChallenge(challenge: string, purpose: 'register' | 'authenticate', nickname: string | null, actorId: string | null) {
    const id = randomBytes(16).toString('base64url');
    await store.passkeys.pruneChallenges(clock.now());
    await store.passkeys.saveChallenge(id, { challenge, purpose, nickname, actorId, expiresAt: clock.now() + CHALLENGE_TTL_MS });
    return id;
  }

  return {
    /** Options to create a passkey: for a new account named `nickname`, or for the signed-in actor. */
    async registrationOptions(rp: RelyingParty, target: { nickname: string } | { actor: Actor }) {
      const isNew = 'nickname' in target;
      if (isNew) await session.assertNicknameFree(target.nickname);
      const actorId = isNew ? randomUUID() : target.actor.id;
      const name = isNew ? target.nickname : target.actor.nickname;
      const { generateRegistrationOptions } = await webauthn();
      const options = await generateRegistrationOptions({
        rpName: 'Dongne',
        rpID: rp.id,
        userName: name,
        userID: uuidBytes(actorId),
        attestationType: 'none',
        // The verify step requires user verification (a PIN, fingerprint or face): ask for it.
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      });
      const challengeId = await saveChallenge(options.challenge, 'register', isNew ? target.nickname : null, actorId);
      return { challengeId, options };
    },

    /** Checks the new passkey; creates the account if this was a sign-up, and starts a session. */
    async register(rp: RelyingParty, challengeId: string, response: RegistrationResponseJSON): Promise<StartedSession> {
      const pending = await takeChallenge(challengeId, 'register');
      const { verifyRegistrationResponse } = await webauthn();
      const verified = await verifyRegistrationResponse({
        response,
        expectedChallenge: pending.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
      }).catch(() => ({ verified: false as const }));
      if (!verified.verified) throw new ServiceError(400, 'passkey.not_verified', 'Your passkey could not be verified. Try again.');
      const { credential } = verified.registrationInfo;
      return store.transaction(async (tx) => {
        let actor: Actor;
        if (pending.nickname) {
          actor = await session.createAccount(pending.actorId!, pending.nickname, null, tx);
        } else {
          const row = await tx.sessions.accountById(pending.actorId!);
          if (!row) throw new ServiceError(400, 'passkey.challenge_expired', 'That passkey request has expired. Try again.');
          actor = { id: row.id, nickname: row.nickname, joinedAt: row.createdAt };
        }
        await tx.passkeys.insert(
          { credentialId: credential.id, actorId: actor.id, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports ?? [] },
          clock.now(),
        );
        return session.start(actor, tx);
      });
    },

    /** Options to sign in with any passkey this site knows (the browser offers the person's own). */
    async authenticationOptions(rp: RelyingParty) {
      const { generateAuthenticationOptions } = await webauthn();
      const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'required' });
      return { challengeId: await saveChallenge(options.challenge, 'authenticate', null, null), options };
    },

    async authenticate(rp: RelyingParty, challengeId: string, response: AuthenticationResponseJSON): Promise<StartedSession> {
      const pending = await takeChallenge(challengeId, 'authenticate');
      const passkey = await store.passkeys.byId(response.id);
      const account = passkey && (await store.sessions.accountById(passkey.actorId));
      if (!passkey || !account) throw new ServiceError(401, 'passkey.unknown', 'This passkey is not registered with Dongne.');
      const { verifyAuthenticationResponse } = await webauthn();
      const verified = await verifyAuthenticationResponse({
        response,
        expectedChallenge: pending.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports as never },
      }).catch(() => ({ verified: false as const }));
      if (!verified.verified) throw new ServiceError(401, 'passkey.not_verified', 'Your passkey could not be verified. Try again.');
      await store.passkeys.setCounter(passkey.credentialId, verified.authenticationInfo.newCounter);
      return session.start({ id: account.id, nickname: account.nickname, joinedAt: account.createdAt });
    },
  };
}
export type PasskeyService = ReturnType<typeof createPasskeyService>;
