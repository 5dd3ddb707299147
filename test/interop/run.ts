// npm run test:interop: runs the contract against vsftpd, ProFTPD and Pure-FTPd (as root),
// writes docs/compatibility.md from the run, and prints "interop: N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCompatibility } from "./write-compatibility";

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), "ferry-interop-run-"));
const report = join(work, "report.json");
const args = ["vitest", "run", "--config", "test/interop/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, FERRY_INTEROP_NOTES: work } });

let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  // A full run skips nothing; with a filter (-t, a file) the rest is skipped on purpose.
  if (process.argv.length <= 2) failed += json.numPendingTests + json.numTodoTests;
  // A file that failed to load (or a global setup that failed) runs no test: count it.
  if (json.numFailedTestSuites > 0 && json.numFailedTests === 0) failed += 1;
  if (process.argv.length <= 2 && json.numTotalTests > 0) writeCompatibility(json, join(work, "notes.jsonl"), Math.round((Date.now() - started) / 1000));
} catch (err) {
  console.error(`interop: no report (${(err as Error).message})`);
  failed += 1;
}
// Vitest failed without a failed test (a global setup that threw: servers missing, a busy port).
if (run.status !== 0 && failed === 0) failed = 1;
rmSync(work, { recursive: true, force: true });
console.log(`interop: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
