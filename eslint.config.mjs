// ESLint flat config. The import rules below are the layering made executable: engine/ is pure
// TypeScript, the renderer reaches the main side only through electron/contract, and so on; a
// wrong import fails `npm run lint` (tests/unit/lint proves each rule bites).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const nodePaths = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)];

const restrict = (paths, patterns) => [
  'error',
  {
    paths: paths.map((name) => ({
      name,
      message: `This layer must not import '${name}' (the layering is in eslint.config.mjs).`,
    })),
    patterns,
  },
];

const uiLibs = ['react', 'react-dom', 'react-dom/client', '@xyflow/react', 'zustand', 'zundo'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  // engine/: pure TypeScript. No platform, no UI, no other layer.
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'ws', 'gpu.js', ...uiLibs, ...nodePaths],
        [
          {
            group: ['**/electron/**', '**/renderer/**', '**/tests/**'],
            message:
              'engine/ is the innermost layer: it must not import electron/, renderer/ or tests/.',
          },
          { group: ['node:*'], message: 'engine/ must not import Node modules.' },
        ],
      ),
      'no-restricted-globals': [
        'error',
        'process',
        'require',
        'window',
        'document',
        'Buffer',
        '__dirname',
        '__filename',
        'global',
      ],
    },
  },
  // gpu.js may be imported in engine/backend/gpu only (the one place the architecture allows it).
  {
    files: ['engine/backend/gpu/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'ws', ...uiLibs, ...nodePaths],
        [
          {
            group: ['**/electron/**', '**/renderer/**', '**/tests/**'],
            message: 'engine/ must not import electron/, renderer/ or tests/.',
          },
        ],
      ),
    },
  },
  // electron/: main-process side. Never the renderer, never UI libraries.
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrict(
        ['gpu.js', ...uiLibs],
        [
          {
            group: ['**/renderer/**', '**/tests/**'],
            message: 'electron/ must not import renderer/ or tests/.',
          },
        ],
      ),
    },
  },
  // electron/backend and the host/CLI: Electron-free, so they run (and are tested) in plain Node.
  {
    files: [
      'electron/backend/**/*.ts',
      'electron/host.ts',
      'electron/cli.ts',
      'electron/cli/**/*.ts',
      'electron/contract.ts',
      'electron/contract/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'gpu.js', ...uiLibs],
        [
          {
            group: ['**/renderer/**', '**/tests/**', '**/main', '**/preload'],
            message:
              'Electron-free code must not import renderer/, tests/ or the Electron adapters.',
          },
        ],
      ),
    },
  },
  // The contract is imported by the renderer too: no Node there.
  {
    files: ['electron/contract.ts', 'electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'gpu.js', 'ws', ...uiLibs, ...nodePaths],
        [
          {
            group: [
              '**/backend/**',
              '**/renderer/**',
              '../engine/backend/**',
              '../engine/train/**',
            ],
            message: 'The contract is shared with the renderer: types and zod schemas only.',
          },
          {
            group: ['node:*'],
            message: 'The contract is shared with the renderer: no Node modules.',
          },
        ],
      ),
    },
  },
  // renderer/: browser code. Reaches the main side only through electron/contract, and uses
  // only engine's pure graph modules.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'ws', 'gpu.js', ...nodePaths],
        [
          {
            group: ['**/electron/**', '!**/electron/contract', '!**/electron/contract/**'],
            message:
              'renderer/ may import electron/contract only; everything else goes through the contract.',
          },
          {
            group: ['**/engine/**', '!**/engine/graph', '!**/engine/graph/**'],
            message:
              'renderer/ may import engine/graph only (pure graph logic); training runs on the main side.',
          },
          { group: ['node:*'], message: 'renderer/ must not import Node modules.' },
        ],
      ),
    },
  },
  {
    files: [
      'tests/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      'bench/**/*.{ts,mjs}',
      '*.config.{ts,mts,mjs}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Page code runs inside page.evaluate() in the browser.
    files: ['bench/canvas/**/*.{mjs,ts,tsx}', 'bench/ui/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
