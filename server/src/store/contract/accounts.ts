// Actors and accounts, their sessions, passkeys, profiles and held neighbourhoods.
export interface ActorRow {
  id: string;
  nickname: string;
  createdAt: number;
}

export interface AccountRow {
  id: string;
  nickname: string;
  createdAt: number;
  /** Null for an account that signs in with passkeys only. */
  passwordHash: string | null;
}

export interface NewAccount {
  id: string;
  nickname: string;
  /** Its confusable skeleton (services/nickname-skeleton.ts): unique among accounts. */
  skeleton: string;
  createdAt: number;
  /** Null for an account that signs in with passkeys only. */
  passwordHash: string | null;
}

export interface SessionRow {
  /** The session's public id (never the token): what a person names to end it. */
  id: string;
  actorId: string;
  expiresAt: number;
  nickname: string;
  /** When the account was created. */
  createdAt: number;
  /** When this session started: it never outlives its absolute lifetime from then. */
  startedAt: number;
  lastSeenAt: number;
  /** When the person last proved who they are on this session (sign-in, password or passkey check). */
  verifiedAt: number;
}

/** A session as its owner sees it in "My devices". */
export interface DeviceSessionRow {
  id: string;
  startedAt: number;
  lastSeenAt: number;
  userAgent: string;
  address: string | null;
}

export interface NewSession {
  tokenHash: string;
  id: string;
  actorId: string;
  createdAt: number;
  expiresAt: number;
  userAgent: string;
  address: string | null;
}

export interface PasskeyRow {
  credentialId: string;
  actorId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  /** The site (WebAuthn rpId) it was made for; null for passkeys from before it was kept. */
  rpId: string | null;
}

/** A passkey as its owner sees it. */
export interface PasskeySummaryRow {
  credentialId: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

export interface ChallengeRow {
  challenge: string;
  purpose: 'register' | 'authenticate';
  nickname: string | null;
  actorId: string | null;
  expiresAt: number;
  /** The session that started the ceremony, when it is for a signed-in account. */
  sessionHash: string | null;
}

export interface SecurityEventRow {
  id: number;
  kind: string;
  device: string;
  at: number;
}

export interface HeldNeighbourhood {
  neighbourhoodId: string;
  active: boolean;
}

export interface ProfileRow {
  id: string;
  nickname: string;
  joinedAt: number;
  photoUpdatedAt: number | null;
  listingCount: number;
}

export interface ActorsRepo {
  /** A device or demo identity (accounts are made through sessions.insertAccount). */
  insert(actor: { id: string; nickname: string; createdAt: number }): Promise<void>;
  byId(id: string): Promise<ActorRow | undefined>;
  /** Keeps the person's manner temperature beside their name, for conversations to show. */
  setMannerTemperature(id: string, value: number): Promise<void>;
}

export interface SessionsRepo {
  insert(session: NewSession): Promise<void>;
  find(tokenHash: string): Promise<SessionRow | undefined>;
  extend(tokenHash: string, expiresAt: number): Promise<void>;
  touch(tokenHash: string, lastSeenAt: number): Promise<void>;
  setVerified(tokenHash: string, at: number): Promise<void>;
  remove(tokenHash: string): Promise<void>;
  /** Ends sessions past their expiry or started before `startedBefore` (the absolute lifetime). */
  removeExpired(now: number, startedBefore: number): Promise<number>;
  /** The account's sessions, the most recently used first. */
  forActor(actorId: string): Promise<DeviceSessionRow[]>;
  /** Ends one of the account's sessions by its public id; how many ended (0 or 1). */
  removeById(actorId: string, id: string): Promise<number>;
  /** Ends every session of the account but the one whose token hash is `except`. */
  removeAllFor(actorId: string, except?: string): Promise<number>;
  /** Ends the account's oldest sessions so that at most `keep` remain. */
  trimFor(actorId: string, keep: number): Promise<number>;
  accountById(id: string): Promise<AccountRow | undefined>;
  /**
   * Throws DuplicateError('nickname') when the nickname's key or its confusable skeleton is taken.
   */
  insertAccount(account: NewAccount): Promise<void>;
  accountByNickname(nickname: string): Promise<AccountRow | undefined>;
  /** Whether an account's nickname or a held one has this confusable skeleton. */
  nicknameInUse(skeleton: string, now: number): Promise<boolean>;
  setPasswordHash(actorId: string, passwordHash: string | null): Promise<void>;
  /** Keeps the skeleton from new accounts until `until`. */
  holdNickname(skeleton: string, until: number): Promise<void>;
  /** Empties an account for good: no name, no password, no photo; its sessions, passkeys and codes go. */
  anonymise(actorId: string, at: number): Promise<void>;
  /** Accounts from before skeletons were kept, to fill them in. */
  withoutSkeleton(): Promise<{ id: string; nickname: string }[]>;
  /** Throws DuplicateError('nickname') when another account has the skeleton. */
  setSkeleton(actorId: string, skeleton: string): Promise<void>;
}

export interface RecoveryCodesRepo {
  /** Replaces the account's codes with these (hashed) ones. */
  replace(actorId: string, codeHashes: string[], at: number): Promise<void>;
  /** Marks an unused code used; false if there was none such. */
  use(actorId: string, codeHash: string, at: number): Promise<boolean>;
  remaining(actorId: string): Promise<number>;
}

export interface SecurityEventsRepo {
  add(actorId: string, kind: string, device: string, at: number): Promise<void>;
  /** The account's latest events, newest first. */
  recent(actorId: string, limit: number): Promise<SecurityEventRow[]>;
}

export interface PasskeysRepo {
  /** Throws DuplicateError('passkey') when a passkey with this credential id exists. */
  insert(row: PasskeyRow & { name: string }, createdAt: number): Promise<void>;
  byId(credentialId: string): Promise<PasskeyRow | undefined>;
  forActor(actorId: string): Promise<PasskeySummaryRow[]>;
  countFor(actorId: string): Promise<number>;
  /** Removes one of the account's passkeys; how many went (0 or 1). */
  remove(actorId: string, credentialId: string): Promise<number>;
  /** Records a sign-in with it: the new counter, when, and the site (kept for older passkeys). */
  used(credentialId: string, counter: number, at: number, rpId: string): Promise<void>;
  saveChallenge(id: string, row: ChallengeRow): Promise<void>;
  /** Deletes the challenge as it reads it: each can be answered once. */
  takeChallenge(id: string): Promise<ChallengeRow | undefined>;
  pruneChallenges(now: number): Promise<number>;
}

export interface ProfilesRepo {
  profile(id: string): Promise<ProfileRow | undefined>;
  setPhoto(id: string, bytes: Uint8Array | null, type: string | null, at: number | null): Promise<void>;
  photo(id: string): Promise<{ photo: Uint8Array; type: string } | undefined>;
}

export interface ActorNeighbourhoodsRepo {
  /** The neighbourhoods a person holds, the active one first. */
  held(actorId: string): Promise<HeldNeighbourhood[]>;
  /** Replaces the held set; keeps the added date of neighbourhoods that stay. */
  set(actorId: string, ids: string[], activeId: string, now: number): Promise<void>;
}

export interface AccountsRepos {
  actors: ActorsRepo;
  sessions: SessionsRepo;
  passkeys: PasskeysRepo;
  profiles: ProfilesRepo;
  actorNeighbourhoods: ActorNeighbourhoodsRepo;
  recoveryCodes: RecoveryCodesRepo;
  securityEvents: SecurityEventsRepo;
}
