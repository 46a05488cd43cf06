// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'server/src/db/migrations/**',
      'tests/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Small files: a file past this becomes a folder of rooms (docs/CONVENTIONS.md).
    files: ['**/*.ts'],
    ignores: ['server/src/seed/**'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    files: ['**/*.mjs', 'scripts/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['scripts/**', 'tests/bench/**', '.ci/**', '**/*-cli.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
