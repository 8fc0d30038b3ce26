// What 保存为文件 and 打开文件 (or a file dropped on the page) need: the report file's format and
// the door that tells a report file from a published report. Loaded on first use: the first
// screen does not carry it.
export { looksLikeReportFile, whichDoor } from './file-door';
export { openReportBytes, reportFileName, reportFileText } from '../../drafts/files';
