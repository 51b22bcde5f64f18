#!/usr/bin/env node
// `npm test`: the formatter/linter, the type checker and every test suite, then one summary line
// "N passed, N failed" that counts each test plus one check each for lint and types.
// Extra arguments go to vitest (e.g. `npm test -- src/calc`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Browser tests need Debian's Chromium and PDF tests poppler-utils; install them when missing (as CI does),
 * rather than skipping. Needs root (apt-get); otherwise says what to install.
 */
function ensureDebianPackages() {
  const wanted = [];
  if (existsSync(join(root, "test", "e2e")) && !existsSync("/usr/bin/chromium")) wanted.push("chromium");
  if (spawnSync("sh", ["-c", "command -v pdftoppm"], { stdio: "ignore" }).status !== 0)
    wanted.push("poppler-utils");
  if (wanted.length === 0) return;
  console.log(`== installing Debian packages the tests need: ${wanted.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", ...wanted], { stdio: "inherit", env });
  if (update.status !== 0 || install.status !== 0) {
    console.log(
      `== could not install ${wanted.join(" ")} (run as root: apt-get install -y ${wanted.join(" ")})`,
    );
  }
}
ensureDebianPackages();
const bin = (name) => join(root, "node_modules", ".bin", name);
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;

function check(label, command, args) {
  console.log(`\n== ${label}: ${[command, ...args].join(" ")}`);
  const r = spawnSync(bin(command), args, { cwd: root, stdio: "inherit" });
  if (r.status === 0) passed += 1;
  else {
    failed += 1;
    console.log(`== ${label} FAILED (exit ${r.status ?? r.signal})`);
  }
}

if (extra.length === 0) {
  check("lint and format", "biome", ["check", "."]);
  check("types", "tsc", ["--noEmit", "-p", "."]);
}

const resultsDir = join(root, ".ci");
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, "results-vitest.json");
console.log("\n== tests: vitest run");
const r = spawnSync(
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${resultsFile}`, ...extra],
  { cwd: root, stdio: "inherit" },
);
if (existsSync(resultsFile)) {
  const json = JSON.parse(readFileSync(resultsFile, "utf8"));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  // A suite that fails to load counts as one failure even though none of its tests ran.
  failed += (json.testResults ?? []).filter(
    (s) => s.status === "failed" && s.assertionResults.length === 0,
  ).length;
}
if (r.status !== 0 && failed === 0) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
