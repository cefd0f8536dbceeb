/**
 * Test set-up shared by every package (`@sso-supervisor/emulator/testing`): a throw-away AWS home with
 * the emulator behind it, and saving and restoring environment variables.
 */
export { createWorld, type World, type WorldOptions } from './testing/world';
export { saveEnv } from './testing/save-env';
