// The shared vectors (src/test/resources/init), through the page's code: the same files, links, command lines and
// secrets as io.neontwin.init (WorkflowVectorsTest), and every file valid for GitHub (action-validator) and YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import YAML from 'yaml';
import { generator, resources, root } from './load.mjs';

const vectorsFolder = path.join(resources, 'vectors');
const vectorNames = fs.readdirSync(vectorsFolder).filter((name) => fs.statSync(path.join(vectorsFolder, name)).isDirectory()).sort();
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function optionsOf(values) {
  let options = generator.defaults();
  for (const [name, value] of Object.entries(values)) { options = generator.withValue(options, name, value); }
  return options;
}

function assertValidWorkflow(file) {
  const parsed = YAML.parse(file.content);
  assert.ok(parsed.on && Object.keys(parsed.on).length > 0, `${file.path} has triggers`);
  assert.ok(parsed.jobs && Object.keys(parsed.jobs).length > 0, `${file.path} has jobs`);
  const scratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'neon-twin-vector-')), path.basename(file.path));
  fs.writeFileSync(scratch, file.content);
  execFileSync(path.join(root, 'node_modules', '.bin', 'action-validator'), [scratch], { stdio: 'pipe' });
}

test('there are vectors to run', () => assert.ok(vectorNames.length >= 4));

for (const name of vectorNames) {
  test(`vector ${name}: the page writes the expected files, link, command line and secrets`, () => {
    const folder = path.join(vectorsFolder, name);
    const options = optionsOf(readJson(path.join(folder, 'vector.json')).options);
    const expected = readJson(path.join(folder, 'expected.json'));
    const files = generator.render(options);
    assert.deepEqual(files.map((file) => path.basename(file.path)), expected.files);
    for (const file of files) {
      assert.equal(file.content, fs.readFileSync(path.join(folder, path.basename(file.path)), 'utf8'), file.path);
      assertValidWorkflow(file);
    }
    assert.equal(generator.fragment(options), expected.fragment);
    assert.equal(generator.commandLine(options), expected.commandLine);
    assert.deepEqual(generator.secrets(options).map((secret) => secret.name), expected.secrets);
    assert.deepEqual(generator.parse('#' + expected.fragment).values, options, 'the link reads back as the same options');
  });
}

test('a link with unknown or invalid values opens with defaults for them and names each one', () => {
  for (const link of readJson(path.join(resources, 'links.json')).links) {
    const parsed = generator.parse(link.link);
    assert.deepEqual(parsed.ignored.map((item) => item.name), link.ignored, link.link);
    if (link.fragment !== null) { assert.equal(generator.fragment(parsed.values), link.fragment, link.link); }
    generator.render(parsed.values).forEach(assertValidWorkflow);
  }
});

test('the example workflows are what the page writes for their options', () => {
  for (const example of readJson(path.join(resources, 'examples.json')).examples) {
    const file = generator.render(optionsOf(example.options)).find((f) => f.path.endsWith('/' + example.file));
    assert.equal(file.content, fs.readFileSync(path.join(root, 'examples', 'workflows', example.example), 'utf8'));
  }
});
