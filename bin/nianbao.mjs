#!/usr/bin/env node
// nianbao CLI: runs the JavaScript that scripts/build-cli.mjs builds into build/cli/ (npm ci and
// npm install build it through the `prepare` script), so no TypeScript runtime loads at run time.
let cli;
try {
  cli = await import('../build/cli/main.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('build/cli/main.js')) throw e;
  console.error('nianbao 尚未构建：请在项目目录运行 npm ci（或 npm run build:cli）后再试');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));
