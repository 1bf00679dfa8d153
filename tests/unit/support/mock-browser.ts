// `wxt/testing` in unit tests (see vitest.config.ts): the fake browser and nothing else.

import { fakeBrowser } from 'wxt/testing/fake-browser';

export { fakeBrowser };
export const browser = fakeBrowser;
export default fakeBrowser;
