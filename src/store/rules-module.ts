// What src/store/rules.ts loads on demand: the checkers of src/core/rules, by their own modules
// (not the core's index), so the chunk holds the rules and what only they use.
export { createChecker } from '../core/rules/incremental';
export { checkReport } from '../core/rules/check';
