import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Modules outside src/ui may not reach up into it, nor use React.
const BELOW_UI = [
  { group: ['**/ui', '**/ui/**'], message: 'only src/ui may import from src/ui (layers point one way)' },
  { group: ['react', 'react-dom', 'react-dom/*', 'react-hook-form'], message: 'React lives in src/ui' },
];

export default tseslint.config(
  { ignores: ['dist', 'build', 'node_modules', 'test-output', 'schema', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'no dangerouslySetInnerHTML' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Layers point one way: src/ui (React) sits on top; nothing below it imports from it or from React.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...BELOW_UI] }],
    },
  },
  {
    // The headless core imports no UI, no docx, no DOM-only modules, no Node, no renderer.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...BELOW_UI, { group: ['docx', 'node:*'], message: 'the core is headless' }, { group: ['**/render/**', '**/drafts/**', '**/store/**', '**/import/**', '**/cli/**'], message: 'src/core is the bottom layer' }] }],
    },
  },
);
