// The page's code, loaded into node the way the page loads it: the generator, its data and the vendored mustache.js.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const Generator = require(path.join(root, 'site', 'generator.js'));
export const data = require(path.join(root, 'site', 'generator-data.js'));
export const mustache = require(path.join(root, 'site', 'vendor', 'mustache.js'));
export const generator = Generator.create(data, mustache);
export const resources = path.join(root, 'src', 'test', 'resources', 'init');
