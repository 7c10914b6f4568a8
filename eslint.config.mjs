import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { uiBoundaries } from './static/eslint.boundaries.mjs';
import { backendLayers } from './eslint.layers.mjs';

export default tseslint.config(
  { ignores: ['build/**', 'static/dist/**', 'node_modules/**', '.local-data/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The Vite config belongs to no tsconfig.json above it; lint it with the UI's
        // compiler options (bundler resolution finds vite's types), whatever the file order.
        projectService: { allowDefaultProject: ['vite.config.mts'], defaultProject: 'static/tsconfig.json' },
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@forge/ui', message: 'UI Kit 1 is removed by Atlassian.' }] }
      ]
    }
  },
  {
    // The domain core is pure: no Forge SDKs, no I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@forge/*', 'node:*', 'fs', 'http', 'https'] }]
    }
  },
  {
    // Storage owns its transactions: other layers write evidence through the typed
    // methods of storage/write-set (putInsight, putLink…), never by entity name.
    files: ['src/usecases/**/*.ts', 'src/handlers/**/*.ts', 'src/sync/**/*.ts', 'src/jira/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@forge/ui', message: 'UI Kit 1 is removed by Atlassian.' }],
          patterns: [
            {
              group: ['**/storage/entities'],
              importNames: ['ENTITY'],
              message: 'Only src/storage names entities; write through the typed transaction.'
            }
          ]
        }
      ]
    }
  },
  ...uiBoundaries,
  ...backendLayers,
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'static/src/test/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' }
  }
);
