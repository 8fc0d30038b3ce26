// The name and version a report file carries. Apart from the schema so that creating a report
// (the blank first screen) needs no zod.
export const REPORT_FORMAT = 'nianbao-report';
export const REPORT_FORMAT_VERSION = 1;
