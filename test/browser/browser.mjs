// Debian's chromium (apt-get install chromium), driven by playwright-core: never a downloaded browser.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../node/load.mjs';

export const pageUrl = pathToFileURL(path.join(root, 'site', 'index.html')).href;

export function chromiumPath() {
  const candidates = [process.env.NEON_TWIN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((candidate) => fs.existsSync(candidate));
}

export async function launch() {
  const executablePath = chromiumPath();
  if (!executablePath) { throw new Error('no chromium: apt-get install -y chromium (or set NEON_TWIN_CHROMIUM)'); }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neon-twin-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    permissions: ['clipboard-read', 'clipboard-write']
  });
}
