// Which new passwords Dongne refuses: ones on the common-password lists zxcvbn-ts ships, ones an
// attacker guesses in under a million tries (its score below 2), the nickname itself, and ones made
// only of spaces or invisible characters. Building the dictionaries blocks the event loop for ~50 ms
// (far longer on a busy machine): prepareAccountChecks() does it, with the nickname script checks,
// before the server listens, so no request (nor a live channel's ping) waits behind it.
import { scriptsOf } from '@dongne/shared';
import { ServiceError } from './service-error.js';

let checker: Promise<(password: string, userInputs: string[]) => { score: number }> | undefined;

function loadChecker() {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
    const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    return (password: string, userInputs: string[]) => zxcvbn.check(password, userInputs);
  })();
  return checker;
}

/** Loads the password dictionaries and compiles the nickname script checks, ahead of the first sign-up. */
export async function prepareAccountChecks(): Promise<void> {
  await loadChecker();
  scriptsOf('a');
}

/** Throws 400 auth.weak_password when `password` is not one to keep an account behind. */
export async function assertStrongPassword(password: string, nickname: string): Promise<void> {
  // Nothing visible at all (spaces, zero-width characters, NULs): whatever it is, nobody can type it again.
  if (!/[^\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(password)) {
    throw new ServiceError(400, 'auth.weak_password', 'A password needs letters, numbers or symbols you can see.');
  }
  if (password.normalize('NFKC').toLowerCase() === nickname.normalize('NFKC').toLowerCase()) {
    throw new ServiceError(400, 'auth.weak_password', 'Your password cannot be your nickname.');
  }
  const check = await loadChecker();
  if (check(password, [nickname]).score < 2) {
    throw new ServiceError(400, 'auth.weak_password', 'That password is too common or too easy to guess. Try a few unrelated words.');
  }
}
