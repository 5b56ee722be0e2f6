import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Captured SAML is untrusted: it must never reach an HTML sink.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render captured data as text.' },
        { property: 'outerHTML', message: 'Render captured data as text.' },
        { property: 'insertAdjacentHTML', message: 'Render captured data as text.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render captured data as text: no HTML from strings.' },
        { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'Render captured data as text.' },
      ],
    },
  },
);
