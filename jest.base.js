// Shared jest settings; each package's jest.config.js spreads this.
// Type errors are caught by `pnpm typecheck`, so ts-jest only transpiles here.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
  testTimeout: 30000,
};
