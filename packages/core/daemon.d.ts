export * from './dist/daemon';
