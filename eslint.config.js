import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Architecture rules: client and server never import each other; only src/client/map touches maplibre-gl.
const noCrossImports = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'bench/results/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: noCrossImports(['**/server/**', '**/client/**', 'maplibre-gl', 'better-sqlite3', 'hono', 'react'], 'src/shared is pure: no server, client, DOM or framework imports.'),
  },
  {
    files: ['src/server/**'],
    rules: noCrossImports(['**/client/**', 'react', 'maplibre-gl'], 'The server never imports client code.'),
  },
  {
    files: ['src/client/**'],
    ignores: ['src/client/map/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...noCrossImports(['**/server/**', 'maplibre-gl', 'maplibre-gl/*', 'better-sqlite3'], 'Only src/client/map imports maplibre-gl; the client never imports the server.'),
    },
  },
  {
    files: ['src/client/map/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...noCrossImports(['**/server/**', 'better-sqlite3'], 'The client never imports the server.'),
    },
  },
);
