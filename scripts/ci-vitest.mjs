// Runs a vitest config and prints "vitest: N passed, N failed" from its JSON report (used by .ci/run).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const config = process.argv[2];
const out = join(mkdtempSync(join(tmpdir(), "ferry-vitest-")), "report.json");
const run = spawnSync("npx", ["vitest", "run", "--config", config, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], { stdio: "inherit" });
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(out, "utf8"));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0);
} catch {
  failed = 1;
}
console.log(`vitest: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
