/**
 * Test helpers: the notifier contract suite and its fixtures (from `@sso-supervisor/notifier-api/testing`,
 * which plugin authors use directly), and the host's own module-loading stand-in.
 */
export * from '@sso-supervisor/notifier-api/testing';
export { requireImporter } from './testing/module-loading';
