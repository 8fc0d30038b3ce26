// Reading a report file's text against the report schema (core/report/parse), loaded when the
// clerk first opens a file: a blank first screen never needs zod.
export const loadParseReportText = async () => (await import('../core/report/parse')).parseReportText;
