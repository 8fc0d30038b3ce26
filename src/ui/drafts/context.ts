// What the drafts components share: the store being edited, the database, the session, and one
// notice line (what just happened, or what was wrong with a file).
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Problem } from '../../core';
import type { ReportStore } from '../../store/report-store';
import type { DraftDb } from '../../drafts/db';
import type { DraftSession, SessionState } from '../../drafts/session';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  problems?: Problem[];
  /** A button offered with the notice (撤销). */
  action?: { label: string; run: () => void };
}

export interface DraftsValue {
  store: ReportStore;
  db: DraftDb;
  session: DraftSession;
  notice: Notice | null;
  setNotice: (n: Notice | null) => void;
}

export const DraftsContext = createContext<DraftsValue | null>(null);

export function useDrafts(): DraftsValue {
  const v = useContext(DraftsContext);
  if (!v) throw new Error('drafts components need DraftsRoot');
  return v;
}

export function useSession(): SessionState {
  const { session } = useDrafts();
  return useSyncExternalStore(session.subscribe, session.getState);
}
