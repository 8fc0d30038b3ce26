// Which drafts other tabs have open, through Web Locks (navigator.locks): a tab holds a shared
// lock on the draft it has open, and a blank draft is deleted only under an exclusive lock granted
// at once, so never while another tab has it open. Where locks are refused (an opaque origin) or
// missing (plain http), the drafts' revision check is what still guards.

/** The part of the Web Locks API the session uses. */
export interface LocksLike {
  request<T>(name: string, options: { mode: 'shared' | 'exclusive'; ifAvailable?: boolean }, callback: (lock: unknown) => Promise<T> | T): Promise<T>;
}

export const draftLockName = (id: string) => `nianbao-draft:${id}`;

export interface DraftLock {
  /** Hold the shared lock on `id` (null: none); resolves once the lock held before is released. */
  hold(id: string | null): Promise<unknown>;
  /** Run `act` if no other tab holds `id` right now, else give `otherwise`; without locks, run it. */
  ifNoOtherTab<T>(id: string, act: () => Promise<T>, otherwise: T): Promise<T>;
}

export function createDraftLock(locks: LocksLike | null | undefined): DraftLock {
  let held: { id: string; release: () => Promise<unknown> } | undefined;
  return {
    hold(id) {
      if (held?.id === id) return Promise.resolve();
      const released = held?.release() ?? Promise.resolve();
      held = undefined;
      if (id && locks) {
        let close = () => {};
        const open = new Promise<void>((resolve) => (close = resolve));
        let request: Promise<unknown>;
        try {
          request = locks.request(draftLockName(id), { mode: 'shared' }, () => open).catch(() => undefined);
        } catch {
          request = Promise.resolve(); // locks refused here: the revision check still guards
        }
        held = {
          id,
          release: () => {
            close();
            return request;
          },
        };
      }
      return released;
    },
    ifNoOtherTab(id, act, otherwise) {
      if (!locks) return act();
      return locks.request(draftLockName(id), { mode: 'exclusive', ifAvailable: true }, (lock) => (lock ? act() : otherwise));
    },
  };
}
