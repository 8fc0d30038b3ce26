// Which components rendered in each React commit, read the way React DevTools does: a DevTools
// hook installed before react-dom loads receives every committed fiber tree; a fiber that ran its
// component in that commit carries the PerformedWork flag. Import this before anything React.
const PERFORMED_WORK = 1;
const FUNCTION_COMPONENT = 0;
const MEMO_COMPONENT = 14;
const SIMPLE_MEMO_COMPONENT = 15;

interface Fiber {
  tag: number;
  flags: number;
  type: { name?: string; displayName?: string } | ((...a: unknown[]) => unknown) | string | null;
  elementType: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
  memoizedProps: Record<string, unknown> | null;
}

export interface Rendered {
  name: string;
  props: Record<string, unknown> | null;
}

const commits: Rendered[][] = [];

function _name(f: Fiber): string {
  const t = f.type as { name?: string; displayName?: string } | null;
  return t?.displayName ?? t?.name ?? '?';
}

/**
 * A subtree React bailed out of keeps its old fibers (and their old flags): the parent's child
 * pointer is unchanged, so descend only where it changed. Cloned fibers start with no flags.
 */
function _walk(f: Fiber | null, out: Rendered[]) {
  for (let n = f; n; n = n.sibling) {
    const component = n.tag === FUNCTION_COMPONENT || n.tag === SIMPLE_MEMO_COMPONENT || n.tag === MEMO_COMPONENT;
    if (component && typeof n.type === 'function' && (n.alternate === null || n.flags & PERFORMED_WORK)) {
      out.push({ name: _name(n), props: n.memoizedProps });
    }
    if (n.alternate === null || n.child !== n.alternate.child) _walk(n.child, out);
  }
}

(globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  onScheduleFiberRoot: () => {},
  onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
    const out: Rendered[] = [];
    _walk(root.current, out);
    commits.push(out);
  },
  onCommitFiberUnmount: () => {},
  onPostCommitFiberRoot: () => {},
  checkDCE: () => {},
};

/** Components rendered by the commits that happen while `fn` runs. */
export async function renderedDuring(fn: () => Promise<void>): Promise<Rendered[]> {
  const start = commits.length;
  await fn();
  return commits.slice(start).flat();
}
