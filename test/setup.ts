// Component tests opt into jsdom with `// @vitest-environment jsdom`; jest-dom matchers for them.
import '@testing-library/jest-dom/vitest';
