// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', 'data/', 'bench-results/', 'test-results/', 'api/drizzle/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // Entry points and tools talk to a terminal on purpose.
    files: ['**/cli.ts', '**/start.ts', 'scripts/**', 'tests/bench/**', 'manifest/src/cli/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['addin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
