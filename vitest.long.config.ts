/// <reference types="vitest/config" />
// `npm run test:long`: the slow checks that `npm test` (and so CI) leaves out to stay fast
// (issue #18), e.g. the 500-step kiosk soak. Same set-up as the browser tests: one production
// build, served on 127.0.0.1, Debian's Chromium.
import browser from './vitest.browser.config';

export default { ...browser, test: { ...browser.test, include: ['tests/long/**/*.test.ts'] } };
