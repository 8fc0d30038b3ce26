// The county reviewer's workbench, headless: the batch of units, triage by fingerprint, the
// county 汇总 and parent-vs-Σchildren. No React, no DOM, no node:*.
export * from './batch';
export * from './fingerprint';
export * from './organ';
export * from './sum';
export * from './triage';
export * from './messages';
