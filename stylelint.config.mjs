/**
 * Stylesheets: the standard conventions, every rule in a cascade layer (parley/layered), and
 * literal colours, z-indexes, fonts and shadows only in the design tokens (renderer/styles/
 * tokens.css). The old stylesheets listed in LEGACY predate the layers: the rules they break
 * are off for them only, until the redesign moves their rules into layered files and deletes
 * them (docs/design-system.md, "CSS architecture").
 */
const LEGACY = [
  'renderer/styles.css',
  'renderer/styles/conversationTools.css',
];

/** Values that must come from a token, by property. */
const FROM_TOKENS = {
  'z-index': ['/^var\\(--z-/', '0', '1', '-1'],
  'font-family': ['/^var\\(--font-/', 'inherit'],
  'box-shadow': ['/var\\(--shadow-/', 'none'],
};

export default {
  extends: ['stylelint-config-standard'],
  plugins: ['./scripts/stylelint/layeredRules.mjs'],
  ignoreFiles: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  rules: {
    'parley/layered': true,
    'declaration-no-important': true,
    'selector-max-id': 0,
    'color-named': 'never',
    'color-no-hex': true,
    'function-disallowed-list': ['rgb', 'rgba', 'hsl', 'hsla', 'oklch', 'light-dark'],
    'declaration-property-value-allowed-list': FROM_TOKENS,
    // Classes name what a thing is, in kebab-case (`.message-actions`, `.icon-btn`).
    'selector-class-pattern': ['^[a-z][a-z0-9]*(-[a-z0-9]+)*$', { message: 'Class names are kebab-case' }],
    // Anchor positioning and field-sizing are newer than the standard config's property list.
    'property-no-unknown': [true, { ignoreProperties: ['field-sizing', 'position-area', 'position-try-fallbacks', 'position-anchor', 'anchor-name'] }],
  },
  overrides: [
    {
      // The one place literal colours live.
      files: ['renderer/styles/tokens.css'],
      rules: { 'color-no-hex': null, 'function-disallowed-list': null, 'declaration-property-value-allowed-list': null },
    },
    {
      files: LEGACY,
      rules: {
        'parley/layered': null,
        // Order decides between their rules: the fault the layers fix.
        'no-descending-specificity': null,
        'value-keyword-case': null,
        'comment-empty-line-before': null,
        'media-feature-range-notation': null,
        'declaration-block-no-redundant-longhand-properties': null,
        'declaration-no-important': null,
        'selector-max-id': null,
        // Their z-indexes predate the z tokens; colours, fonts and shadows already come from tokens.
        'declaration-property-value-allowed-list': null,
        'selector-class-pattern': null,
      },
    },
  ],
};
