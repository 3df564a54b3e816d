#!/usr/bin/env node
// Runs the Vitest browser suite and prints the closing line CI reads: "N passed, N failed".
// Extra arguments go to Vitest (e.g. `npm test -- test/core`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

// WebRTC tests must stay on loopback, but Chromium also offers the machine's real addresses as
// ICE candidates. So the suite runs in a fresh network namespace holding only `lo` when the
// system allows one (Linux, `unshare`, `ip`); elsewhere it runs as it is, and says so.
const LOOPBACK_ONLY = 'ip link set lo up && exec "$0" "$@"';
if (process.platform === 'linux' && !process.env.OVL_LOOPBACK_ONLY) {
  const probe = spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' });
  if (probe.status === 0) {
    const inner = spawnSync('unshare', ['-rn', 'sh', '-c', LOOPBACK_ONLY, process.execPath, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, OVL_LOOPBACK_ONLY: '1' },
    });
    process.exit(inner.status ?? 1);
  }
  console.warn('No network namespace available (needs unshare and ip): running on the host network; WebRTC tests still only dial 127.0.0.1.');
}

const report = 'test-results/vitest.json';
mkdirSync('test-results', { recursive: true });
rmSync(report, { force: true });

const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
  if (results.numPendingTests || results.numTodoTests) {
    console.error(`${results.numPendingTests + results.numTodoTests} skipped or todo tests: a skipped test is not a passing one.`);
    failed += results.numPendingTests + results.numTodoTests;
  }
} catch (error) {
  console.error(`No Vitest report at ${report}: ${error.message}`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
