export * from './dist/workspace';
