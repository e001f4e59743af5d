// The page in a real headless browser (Debian's chromium): pick options, read the preview, copy (the clipboard holds
// exactly the file the shared vectors expect), reload from the URL, and open a link with bad values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { launch, pageUrl } from './browser.mjs';
import { resources } from '../node/load.mjs';

const vector = path.join(resources, 'vectors', 'reverse-full');
const expected = JSON.parse(fs.readFileSync(path.join(vector, 'expected.json'), 'utf8'));
let context;

before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

async function openPage(fragment = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(pageUrl + fragment);
  return { page, errors };
}

async function copyFile(page, name) {
  await page.getByRole('button', { name: 'Copy ' + name }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('picking options by their labels writes the files the vectors expect, and copy gives exactly each file', async () => {
  const { page, errors } = await openPage();
  await page.getByLabel('Schedule').fill('41 1 * * *');
  await page.getByLabel('Exclude table data (exclude-table-data)').fill('public.audit_log');
  await page.getByLabel('Slack webhook url (slack-webhook-url)').check();
  await page.getByLabel('Reverse twin: carry migrations to production').check();
  await page.getByLabel('Refresh the twin after a successful apply').check();
  await page.getByLabel('Environment').fill('prod db');
  await page.getByLabel('Migrations path (migrations-path)').fill('db/migrations');
  await page.getByLabel('Lock timeout (lock-timeout)').fill('10s');
  await page.getByLabel('Out of order (out-of-order)').check();

  assert.equal(await page.locator('#cron-words').textContent(), 'Runs every day at 01:41 UTC.');
  assert.equal(await page.locator('#cron-next li').count(), 3);
  for (const name of expected.files) {
    const copied = await copyFile(page, name);
    assert.equal(copied, fs.readFileSync(path.join(vector, name), 'utf8'), name);
    assert.ok(YAML.parse(copied).jobs, name + ' parses as YAML');
  }
  const secrets = await page.locator('#secrets code').allTextContents();
  assert.deepEqual(secrets, expected.secrets);
  assert.equal(await page.locator('#command').textContent(), expected.commandLine);
  assert.equal(new URL(page.url()).hash, '#' + expected.fragment);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the URL holds the state: opening it again shows the same options and files', async () => {
  const { page, errors } = await openPage('#' + expected.fragment);
  assert.equal(await page.getByLabel('Environment').inputValue(), 'prod db');
  assert.equal(await page.getByLabel('Refresh the twin after a successful apply').isChecked(), true);
  assert.equal(await copyFile(page, 'neon-reverse-twin.yml'), fs.readFileSync(path.join(vector, 'neon-reverse-twin.yml'), 'utf8'));
  assert.equal(await page.locator('#message').isHidden(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link with unknown or invalid values opens with defaults and says which values it ignored', async () => {
  const { page, errors } = await openPage('#schedule=17+3+*+*+*&verify=maybe&colour=blue&jobs=99');
  const message = await page.locator('#message').textContent();
  assert.match(message, /verify=maybe \('maybe' is not one of counts, checksums, none\)/);
  assert.match(message, /colour=blue \(no such option\)/);
  assert.match(message, /jobs=99 \(99 is not between 1 and 64\)/);
  assert.equal(await page.getByLabel('Verify (verify)').inputValue(), 'counts');
  assert.equal(new URL(page.url()).hash, '#schedule=17+3+*+*+*');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an invalid cron is explained next to the field and the files keep the last valid schedule', async () => {
  const { page } = await openPage('#schedule=17+3+*+*+*');
  await page.getByLabel('Schedule').fill('61 3 * * *');
  assert.match(await page.locator('#error-schedule').textContent(), /minute field '61' is outside 0-59/);
  assert.equal(await page.getByLabel('Schedule').getAttribute('aria-invalid'), 'true');
  assert.match(await copyFile(page, 'neon-twin.yml'), /- cron: '17 3 \* \* \*'/);
  await page.close();
});

test('a fresh page schedules a random night minute, never midnight', async () => {
  const { page } = await openPage();
  const [minute, hour] = (await page.getByLabel('Schedule').inputValue()).split(' ').map(Number);
  assert.ok(minute >= 1 && minute <= 59 && hour >= 1 && hour <= 5, `${minute} ${hour}`);
  await page.close();
});

test('every control has a label and can be reached with the keyboard', async () => {
  const { page } = await openPage('#schedule=17+3+*+*+*&reverse=true');
  const unlabelled = await page.$$eval('input, select, textarea', (controls) => controls.filter((c) => c.labels.length === 0).map((c) => c.id));
  assert.deepEqual(unlabelled, []);
  await page.getByLabel('Twin workflow name', { exact: true }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'opt-schedule');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.equal(await page.getByLabel('Run by hand from the Actions tab').isChecked(), false, 'Space on the focused checkbox turns it off');
  await page.close();
});

test('download all gives a zip of the workflow files', async () => {
  const { page } = await openPage('#' + expected.fragment);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download all files/ }).click()]);
  const bytes = fs.readFileSync(await download.path());
  assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'a zip');
  for (const name of expected.files) {
    assert.ok(bytes.includes(Buffer.from('.github/workflows/' + name)), name);
    assert.ok(bytes.includes(Buffer.from(fs.readFileSync(path.join(vector, name), 'utf8'))), name + ' content');
  }
  await page.close();
});
