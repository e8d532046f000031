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

export interface SessionRow {
  actorId: string;
  expiresAt: number;
  nickname: string;
  createdAt: number;
}

export interface PasskeyRow {
  credentialId: string;
  actorId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
}

export interface ChallengeRow {
  challenge: string;
  purpose: 'register' | 'authenticate';
  nickname: string | null;
  actorId: string | null;
  expiresAt: number;
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
  insert(tokenHash: string, actorId: string, createdAt: number, expiresAt: number): Promise<void>;
  find(tokenHash: string): Promise<SessionRow | undefined>;
  extend(tokenHash: string, expiresAt: number): Promise<void>;
  remove(tokenHash: string): Promise<void>;
  removeExpired(now: number): Promise<number>;
  accountById(id: string): Promise<AccountRow | undefined>;
  /** Throws DuplicateError('nickname') when the nickname's key is taken. */
  insertAccount(account: { id: string; nickname: string; createdAt: number; passwordHash: string | null }): Promise<void>;
  accountByNickname(nickname: string): Promise<AccountRow | undefined>;
}

export interface PasskeysRepo {
  insert(row: PasskeyRow, createdAt: number): Promise<void>;
  byId(credentialId: string): Promise<PasskeyRow | undefined>;
  setCounter(credentialId: string, counter: number): Promise<void>;
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
}
