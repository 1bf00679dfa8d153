// ESLint, flat config: the recommended rule sets of ESLint, typescript-eslint, React's hooks
// and jsx-a11y, nothing more. `npm run lint` runs it with --max-warnings 0.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output*/', '.wxt/', 'node_modules/', 'data/', 'tmp/', 'stats.html'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs['recommended-latest'],
  { files: ['**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    rules: {
      // `{ dropped: _x, ...rest }` leaves a field out on purpose: a leading underscore says so.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    languageOptions: {
      // Extension pages and content scripts run in the browser; the server, CLI, build and
      // tests in Node.
      globals: { ...globals.browser, ...globals.node },
    },
  },
);
