#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCli } from '../dist/src/cli/main.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
}, version);
process.exitCode = code;
