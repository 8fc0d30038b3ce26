// A draft's state in the reports list, in the clerk's words: 草稿, 已定稿 or 已导出 with the date,
// and, once changed after its export, that it was exported and changed since. The file name goes
// beside it (and in its title), so the clerk knows which file on the disk is the current one.
import type { DraftState } from '../../drafts/draft-state';

const TIME = new Intl.DateTimeFormat('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' });

/** 3月2日 14:05, with the year in front when it is not this year's. */
export function exportDate(at: number, now = Date.now()): string {
  const d = new Date(at);
  const day = `${d.getMonth() + 1}月${d.getDate()}日 ${TIME.format(d)}`;
  return d.getFullYear() === new Date(now).getFullYear() ? day : `${d.getFullYear()}年${day}`;
}

export interface StateText {
  /** One word: 草稿 / 已定稿 / 已导出. */
  label: string;
  /** The date and what happened since, e.g. “3月2日 14:05 导出，之后有修改”; '' for a draft never exported. */
  detail: string;
  /** The file last exported, or ''. */
  file: string;
}

export function stateText(state: DraftState, now = Date.now()): StateText {
  switch (state.kind) {
    case 'draft':
      return { label: '草稿', detail: '', file: '' };
    case 'final':
      return { label: '已定稿', detail: `${exportDate(state.at, now)} 导出`, file: state.name };
    case 'exported':
      return { label: '已导出草稿', detail: `${exportDate(state.at, now)} 导出`, file: state.name };
    case 'changed':
      return { label: '草稿', detail: `已${state.final ? '导出定稿' : '导出草稿'} ${exportDate(state.at, now)}，之后有修改`, file: state.name };
  }
}
