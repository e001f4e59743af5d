// The schedule: checked like GitHub's cron, read back in words, its next runs in UTC, and a default at night.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Generator, generator } from './load.mjs';

test('a daily schedule reads back as every day at its time, UTC', () => {
  assert.equal(Generator.describeCron('17 3 * * *'), 'every day at 03:17 UTC');
  assert.equal(Generator.describeCron('5 2 * * 1,5'), 'every Monday and Friday at 02:05 UTC');
  assert.equal(Generator.describeCron('0 6 1 * *'), 'on day 1 of the month at 06:00 UTC');
  assert.equal(Generator.describeCron('30 * * * *'), 'every day at minute 30 of every hour (UTC)');
});

test('the next three runs follow the expression, in UTC, after the given moment', () => {
  const from = new Date(Date.UTC(2026, 0, 30, 12, 0));
  assert.deepEqual(Generator.nextRuns('17 3 * * *', from, 3).map((d) => d.toISOString()),
    ['2026-01-31T03:17:00.000Z', '2026-02-01T03:17:00.000Z', '2026-02-02T03:17:00.000Z']);
  // 2026-02-02 is a Monday: weekdays only skip the weekend.
  assert.deepEqual(Generator.nextRuns('0 9 * * 1-5', from, 3).map((d) => d.toISOString()),
    ['2026-02-02T09:00:00.000Z', '2026-02-03T09:00:00.000Z', '2026-02-04T09:00:00.000Z']);
});

test('an expression GitHub would refuse says which field is wrong', () => {
  assert.throws(() => Generator.normalizeCron('17 3 * *'), /5 fields/);
  assert.throws(() => Generator.normalizeCron('60 3 * * *'), /minute field '60' is outside 0-59/);
  assert.throws(() => Generator.normalizeCron('1 3 * * MON'), /day of the week field 'MON'/);
  assert.throws(() => Generator.normalizeCron('*/0 3 * * *'), /step of 0/);
});

test('the default schedule is a minute at night, never at the top of the hour or midnight', () => {
  for (let i = 0; i < 200; i++) {
    const [minute, hour, ...rest] = generator.defaults().schedule.split(' ');
    assert.ok(Number(minute) >= 1 && Number(minute) <= 59, minute);
    assert.ok(Number(hour) >= 1 && Number(hour) <= 5, hour);
    assert.deepEqual(rest, ['*', '*', '*']);
  }
});
