// Headless Chromium for the browser tests (Debian's /usr/bin/chromium driven by playwright-core).
// Tests skip cleanly when it is missing (`apt-get install -y chromium`, or set CHROMIUM_PATH),
// except in CI (CI=true), where .ci/run installs it first: there a missing browser fails them.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_CHROMIUM = HAVE_CHROMIUM || process.env['CI'] ? false : `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
