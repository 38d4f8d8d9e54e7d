// ESLint flat config: recommended rules for the page, the scripts and the tests.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['build*/', 'dist/', 'node_modules/', 'test-output/'] },
  js.configs.recommended,
  {
    files: ['web/**/*.js', 'bench/floor/*.js'],
    languageOptions: { globals: globals.browser },
    // Small functions with one job: the web layer stays readable in one sitting.
    rules: {
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    files: [
      'scripts/**/*.mjs',
      'bench/**/*.mjs',
      'tests/**/*.mjs',
      'cpp/**/*.mjs',
      'eslint.config.js',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
