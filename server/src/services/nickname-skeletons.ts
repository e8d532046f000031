// Fills in the confusable skeleton of accounts made before skeletons were kept (migration 023 /
// 006 could not compute them in SQL). Where two older accounts already look alike, the later one
// keeps its name but no skeleton: neither can be renamed for the person, and new accounts are
// still kept from both by the nickname key and the first one's skeleton.
import { nicknameSkeleton } from './nickname-skeleton.js';
import { DuplicateError } from '../store/contract/duplicate-error.js';
import type { Store } from '../store/contract/store.js';

export async function fillNicknameSkeletons(store: Store, log: (line: string) => void = () => {}): Promise<number> {
  let filled = 0;
  for (const { id, nickname } of await store.sessions.withoutSkeleton()) {
    try {
      await store.sessions.setSkeleton(id, nicknameSkeleton(nickname));
      filled++;
    } catch (error) {
      if (!(error instanceof DuplicateError)) throw error;
      log(`Account ${id}: its nickname looks like another's; left without a skeleton.`);
    }
  }
  return filled;
}
