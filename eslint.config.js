// @ts-check
/**
 * ESLint: typescript-eslint's strict and stylistic type-checked rules over lib/, spec/ and bench/
 * (every TypeScript file tsconfig.json includes). Each rule turned off or relaxed says why.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'docs/', '.bench-build/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers print exactly in a template (money is never a number here); objects such as a
      // Decimal (exponent notation) or an entity ('[object Object]') stay flagged
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `row['price']` on a Record marks a key that may be absent (wire rows, headers); dotted
      // access stays required for declared properties
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      // `() => server.close()` and `(e) => reject(e)` are read as statements, not as values
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `T[]` for simple types, `Array<{ … }>` where the element type is a literal or a union
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // It rewrites `x as T` into `x!`, which no-non-null-assertion forbids: the two contradict
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // `const { secret: _, ...rest } = x` drops a key on purpose; `_name` marks a required but unused slot
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Control characters are matched on purpose: refusing them in header values, stripping ANSI escapes
      'no-control-regex': 'off',
    },
  },
  {
    files: ['spec/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // With noUncheckedIndexedAccess, `rows[0]!` is the test's own claim; a wrong one fails the test
      '@typescript-eslint/no-non-null-assertion': 'off',
      // chai's `expect(e).to.be.instanceOf(C)` checks the class but cannot narrow; the cast follows it
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Type-level assertions (`assertType<Equals<A, B>>()`) use their type parameter once by design
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // A fake of an async interface stays `async` so that a throw becomes a rejection, as in the real one
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The sandbox's request path: `{ ...a, k: v }` (a spread beside other properties) costs 2–40 µs per
    // object in Node 20's V8, ten times the rest of a serializer; build a literal and Object.assign onto it
    files: ['lib/sandbox/wire/**/*.ts', 'lib/sandbox/tap/payloads/**/*.ts', 'lib/sandbox/server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression[properties.length>1] > SpreadElement',
          message:
            'No object spread beside other properties on the request path: build a literal, or Object.assign onto the fresh object',
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
