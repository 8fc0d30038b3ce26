// Component tests opt into jsdom with `// @vitest-environment jsdom`; jest-dom matchers for them.
import '@testing-library/jest-dom/vitest';

// The report store loads its rules on demand (src/store/rules.ts): the app's first screen does not
// carry them. Tests start with them loaded, as the app is a moment after its first paint;
// test/store/rules-arrive.test.ts covers a store created before they arrive.
import { loadRules } from '../src/store/rules';
await loadRules();
