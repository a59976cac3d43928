#!/usr/bin/env node
/**
 * CI: runs Doyensec's electronegativity on the Electron side (electron/) and fails on any finding
 * that is not in test/security/electronegativity-accepted.json (each with why it is a false
 * positive and which test proves the setting). The tool is fetched pinned with npx: it brings its
 * own eslint 7 and TypeScript 4 that the project must not depend on. The check that downloads
 * Electron's release list is skipped (no GitHub here); the Electron version is read from package.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOL = '@doyensec/electronegativity@1.10.3';
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron).replace(/^[^\d]*/, '');
const accepted = JSON.parse(readFileSync(path.join(root, 'test/security/electronegativity-accepted.json'), 'utf8')).accepted;

const out = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
// SARIF, not CSV: the tool's CSV writer sometimes leaves a torn first row (seen in CI), its SARIF is whole JSON.
const sarif = path.join(out, 'findings.sarif');
try {
  execFileSync(
    'npx',
    [
      '--yes',
      TOOL,
      '-i',
      path.join(root, 'electron'),
      '-e',
      electronVersion,
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-r',
      '-v',
      'false',
      '-o',
      sarif,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: out },
  );
  const results = JSON.parse(readFileSync(sarif, 'utf8')).runs.flatMap((run) => run.results ?? []);
  const findings = results.map((r) => {
    const where = r.locations?.[0]?.physicalLocation;
    const uri = where?.artifactLocation?.uri ?? '';
    return {
      check: r.ruleId,
      // A global check (no one file) is reported at file:///.
      file: uri === '' || uri === 'file:///' ? 'N/A' : uri,
      location: `${where?.region?.startLine ?? '?'}:${where?.region?.startColumn ?? '?'}`,
      severity: r.level ?? r.properties?.severity ?? '',
      description: r.message?.text ?? '',
    };
  });
  const isAccepted = (f) => accepted.some((a) => a.check === f.check && a.file === f.file);
  const fresh = findings.filter((f) => !isAccepted(f));
  const stale = accepted.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));
  console.log(
    `electronegativity ${TOOL.split('@').pop()} on electron/ (Electron ${electronVersion}): ${findings.length} findings, ${findings.length - fresh.length} accepted as false positives`,
  );
  for (const a of stale) console.log(`  note: accepted ${a.check} in ${a.file} is no longer reported; remove it from the list`);
  if (fresh.length > 0) {
    console.error(
      'New electronegativity findings (fix them, or explain and accept them in test/security/electronegativity-accepted.json):',
    );
    for (const f of fresh) console.error(`  ${f.check} ${f.severity} ${f.file}:${f.location} — ${f.description}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
