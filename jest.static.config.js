/**
 * Component tests for the Custom UI (static/): React + Atlaskit in jsdom. Only
 * `@forge/bridge` is mocked, in each test through static/src/test/forge-bridge.ts.
 */
module.exports = {
  displayName: 'ui',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/static/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/static/tsconfig.test.json' }]
  },
  moduleNameMapper: {
    // Stylesheets (css-reset, Atlaskit's precompiled *.compiled.css) mean nothing to jsdom.
    '^@atlaskit/css-reset$': '<rootDir>/static/src/test/style-stub.js',
    '\\.css$': '<rootDir>/static/src/test/style-stub.js'
  },
  setupFilesAfterEnv: ['<rootDir>/static/src/test/setup.ts'],
  // A hang guard, not a speed check: user-event types key by key, slow on a loaded machine.
  testTimeout: 30000
};
