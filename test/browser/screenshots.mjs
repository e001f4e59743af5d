// Screenshots of the page for the docs (docs/images): light and dark at a desktop width, and a phone width.
// Run: node test/browser/screenshots.mjs (after npm ci and apt-get install chromium).
import path from 'node:path';
import { launch, pageUrl } from './browser.mjs';
import { root } from '../node/load.mjs';

const link = '#schedule=17+3+*+*+*&refresh-on-merge=true&reverse=true&refresh-after-apply=true'
  + '&exclude-table-data=public.audit_log%2Cpublic.sessions&slack-webhook-url=true';
const shots = [
  { file: 'workflow-generator-light.png', scheme: 'light', width: 1280, height: 1100 },
  { file: 'workflow-generator-dark.png', scheme: 'dark', width: 1280, height: 1100 },
  { file: 'workflow-generator-phone.png', scheme: 'light', width: 390, height: 1400 }
];

const context = await launch();
for (const shot of shots) {
  const page = await context.newPage();
  await page.setViewportSize({ width: shot.width, height: shot.height });
  await page.emulateMedia({ colorScheme: shot.scheme });
  await page.goto(pageUrl + link);
  await page.screenshot({ path: path.join(root, 'docs', 'images', shot.file) });
  await page.close();
}
await context.close();
