// Passkeys (WebAuthn) through @simplewebauthn/server: create an account with a passkey, add one to
// the signed-in account, sign in with one, and confirm who you are with one before a change to the
// account. Each ceremony's challenge is stored server-side and can be answered once, within five
// minutes; one started by a signed-in session can be finished only by that session. Each passkey
// keeps the site (rpId) it was made for and works only there.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { randomBytes, randomUUID } from 'node:crypto';
import { DuplicateError } from '../store/contract/duplicate-error.js';
import type { ChallengeRow } from '../store/contract/accounts.js';
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { deviceName } from './device-name.js';
import { checkCredential } from './passkey-key.js';
import { ServiceError } from './service-error.js';
import { proofNeeded, type Actor, type CurrentSession, type SessionService, type SignInContext, type StartedSession } from './session-service.js';
import { recordSecurityEvent } from './security-notice.js';

const CHALLENGE_TTL_MS = 5 * 60_000;
/** Passkeys one account may hold: a phone, a laptop, a security key or two, with room to spare. */
export const PASSKEYS_PER_ACCOUNT = 10;

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

const expired = () => new ServiceError(400, 'passkey.challenge_expired', 'That passkey request has expired. Try again.');
const notVerified = (status: 400 | 401) => new ServiceError(status, 'passkey.not_verified', 'Your passkey could not be verified. Try again.');
const tooMany = () =>
  new ServiceError(409, 'passkey.limit_reached', `An account can hold ${PASSKEYS_PER_ACCOUNT} passkeys. Remove one you no longer use first.`);

export function createPasskeyService(store: Store, clock: Clock, session: SessionService) {
  async function takeChallenge(id: string, purpose: 'register' | 'authenticate') {
    const row = await store.passkeys.takeChallenge(id);
    if (!row || row.purpose !== purpose || row.expiresAt < clock.now()) throw expired();
    return row;
  }

  async function saveChallenge(challenge: string, row: Omit<ChallengeRow, 'challenge' | 'expiresAt'>) {
    const id = randomBytes(16).toString('base64url');
    await store.passkeys.pruneChallenges(clock.now());
    await store.passkeys.saveChallenge(id, { challenge, ...row, expiresAt: clock.now() + CHALLENGE_TTL_MS });
    return id;
  }

  /** A ceremony a session started must be finished by the same session, still signed in. */
  function assertSameSession(pending: ChallengeRow, current: CurrentSession | undefined) {
    if (!current || pending.sessionHash !== current.tokenHash || pending.actorId !== current.actor.id) throw expired();
  }

  /** Checks a sign-in or confirmation answer against the stored passkey; returns the passkey's account. */
  async function verifyAssertion(rp: RelyingParty, pending: ChallengeRow, response: AuthenticationResponseJSON) {
    const passkey = await store.passkeys.byId(response.id);
    const account = passkey && (await store.sessions.accountById(passkey.actorId));
    // A passkey made for another site (another Host, before a public origin was set) is not this site's.
    if (!passkey || !account || (passkey.rpId !== null && passkey.rpId !== rp.id)) {
      throw new ServiceError(401, 'passkey.unknown', 'This passkey is not registered with Dongne.');
    }
    const { verifyAuthenticationResponse } = await webauthn();
    const verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports as never },
    }).catch(() => ({ verified: false as const }));
    if (!verified.verified) throw notVerified(401);
    await store.passkeys.used(passkey.credentialId, verified.authenticationInfo.newCounter, clock.now(), rp.id);
    return account;
  }

  return {
    /** Options to create a passkey: for a new account named `nickname`, or for the signed-in session's account. */
    async registrationOptions(rp: RelyingParty, target: { nickname: string } | { session: CurrentSession }) {
      const isNew = 'nickname' in target;
      if (isNew) await session.assertNicknameFree(target.nickname);
      else {
        if (!session.isFresh(target.session)) throw proofNeeded();
        if ((await store.passkeys.countFor(target.session.actor.id)) >= PASSKEYS_PER_ACCOUNT) throw tooMany();
      }
      const actorId = isNew ? randomUUID() : target.session.actor.id;
      const name = isNew ? target.nickname : target.session.actor.nickname;
      // The account's passkeys, so an authenticator that holds one already does not make a second.
      const existing = isNew ? [] : await store.passkeys.forActor(actorId);
      const { generateRegistrationOptions } = await webauthn();
      const options = await generateRegistrationOptions({
        rpName: 'Dongne',
        rpID: rp.id,
        userName: name,
        userID: uuidBytes(actorId),
        attestationType: 'none',
        excludeCredentials: existing.map((p) => ({ id: p.credentialId })),
        // The verify step requires user verification (a PIN, fingerprint or face): ask for it.
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      });
      const challengeId = await saveChallenge(options.challenge, {
        purpose: 'register',
        nickname: isNew ? target.nickname : null,
        actorId,
        sessionHash: isNew ? null : target.session.tokenHash,
      });
      return { challengeId, options };
    },

    /**
     * Checks the new passkey. A sign-up creates the account and starts a session; a passkey added to
     * the signed-in account starts none (the session that asked for it goes on).
     */
    async register(
      rp: RelyingParty,
      challengeId: string,
      response: RegistrationResponseJSON,
      current: CurrentSession | undefined,
      context: SignInContext = {},
    ): Promise<{ account: ReturnType<SessionService['toAccount']>; started?: StartedSession }> {
      const pending = await takeChallenge(challengeId, 'register');
      if (!pending.nickname) {
        assertSameSession(pending, current);
        if (!session.isFresh(current!)) throw proofNeeded();
      }
      const { verifyRegistrationResponse } = await webauthn();
      const verified = await verifyRegistrationResponse({
        response,
        expectedChallenge: pending.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
      }).catch(() => ({ verified: false as const }));
      if (!verified.verified) throw notVerified(400);
      const { credential } = verified.registrationInfo;
      const transports = await checkCredential(credential);
      const name = deviceName(context.userAgent);
      return store.transaction(async (tx) => {
        let actor: Actor;
        if (pending.nickname) {
          actor = await session.createAccount(pending.actorId!, pending.nickname, null, tx);
        } else {
          const row = await tx.sessions.accountById(pending.actorId!);
          if (!row) throw expired();
          actor = { id: row.id, nickname: row.nickname, joinedAt: row.createdAt };
          if ((await tx.passkeys.countFor(actor.id)) >= PASSKEYS_PER_ACCOUNT) throw tooMany();
        }
        try {
          await tx.passkeys.insert(
            { credentialId: credential.id, actorId: actor.id, publicKey: credential.publicKey, counter: credential.counter, transports, rpId: rp.id, name },
            clock.now(),
          );
        } catch (error) {
          if (error instanceof DuplicateError) {
            throw new ServiceError(409, 'passkey.already_registered', 'This passkey is already registered with Dongne.');
          }
          throw error;
        }
        if (!pending.nickname) {
          await recordSecurityEvent(tx, actor.id, 'passkey_added', name, clock.now());
          return { account: session.toAccount(actor) };
        }
        const started = await session.start(actor, context, tx);
        return { account: started.account, started };
      });
    },

    /** Options to sign in with any passkey this site knows (the browser offers the person's own). */
    async authenticationOptions(rp: RelyingParty) {
      const { generateAuthenticationOptions } = await webauthn();
      const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'required' });
      return { challengeId: await saveChallenge(options.challenge, { purpose: 'authenticate', nickname: null, actorId: null, sessionHash: null }), options };
    },

    async authenticate(rp: RelyingParty, challengeId: string, response: AuthenticationResponseJSON, context: SignInContext = {}): Promise<StartedSession> {
      const pending = await takeChallenge(challengeId, 'authenticate');
      // A confirmation's challenge is not a sign-in's.
      if (pending.actorId !== null) throw expired();
      const account = await verifyAssertion(rp, pending, response);
      return session.start({ id: account.id, nickname: account.nickname, joinedAt: account.createdAt }, context);
    },

    /** Options to confirm, with one of the account's own passkeys, that the signed-in person is its owner. */
    async confirmationOptions(rp: RelyingParty, current: CurrentSession) {
      const passkeys = await store.passkeys.forActor(current.actor.id);
      if (passkeys.length === 0) throw new ServiceError(404, 'passkey.not_found', 'This account has no passkey. Confirm with your password.');
      const { generateAuthenticationOptions } = await webauthn();
      const options = await generateAuthenticationOptions({
        rpID: rp.id,
        userVerification: 'required',
        allowCredentials: passkeys.map((p) => ({ id: p.credentialId })),
      });
      const challengeId = await saveChallenge(options.challenge, { purpose: 'authenticate', nickname: null, actorId: current.actor.id, sessionHash: current.tokenHash });
      return { challengeId, options };
    },

    /** A fresh passkey check on the signed-in session: changes to the account may follow for five minutes. */
    async confirm(rp: RelyingParty, challengeId: string, response: AuthenticationResponseJSON, current: CurrentSession) {
      const pending = await takeChallenge(challengeId, 'authenticate');
      assertSameSession(pending, current);
      const account = await verifyAssertion(rp, pending, response);
      if (account.id !== current.actor.id) throw new ServiceError(401, 'passkey.unknown', 'This passkey belongs to another account.');
      await session.markVerified(current);
    },
  };
}
export type PasskeyService = ReturnType<typeof createPasskeyService>;
