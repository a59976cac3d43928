// Code rules for every TypeScript file; the layer table of design.md is enforced by
// dependency-cruiser (.dependency-cruiser.cjs), formatting by Prettier. Both run in `npm run lint`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'node_modules/**', 'test/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // Scans, addresses and printer text are checked for control characters on purpose.
      'no-control-regex': 'off',
      // Callbacks registered before a late assignment (Electron's window, the IPC binding) read it.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: "Only electron/main/ and electron/preload/ import 'electron'." },
            { name: 'electron-store', message: 'Only electron/main/ uses electron-store.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Fakes stand in for untyped modules (electron, electron-store) and raw wire data.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
  prettier,
);
