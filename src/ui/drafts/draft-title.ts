// How a draft is named in the header and the reports list, and the list's heading id: apart from
// the list itself, which loads when first opened.
import type { DraftSummary } from '../../drafts/db';

export const draftTitle = (d: Pick<DraftSummary, 'name' | 'organ' | 'year'>) => d.name || `${d.organ || '（未填机关名称）'} ${d.year} 年度`;

export const REPORTS_LIST_HEADING = 'reports-list-h';
