// The facts' schema (facts-schema.ts, with zod and the report schema under it) on demand: the
// first screen shows the fields without it and fetches it when the page is first idle, so it is
// there before anyone types; a check that comes sooner waits for it.
import { onDemand } from '../on-demand';

export const factsSchemaModule = onDemand(() => import('./facts-schema'));

/** What a field says while its check cannot be fetched (offline before the app was kept here). */
export const FACTS_CHECK = '报告基本信息的检查';
