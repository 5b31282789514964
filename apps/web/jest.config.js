/**
 * The console's pure functions (money, allocations), tested without a browser:
 * `NODE_OPTIONS=--experimental-vm-modules npx jest -c apps/web/jest.config.js`.
 * The repository's own Jest run leaves `apps/web` out; this one covers only `*.unit.spec.ts` here.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.unit.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } }] },
};
