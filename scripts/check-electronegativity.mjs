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
import { parse } from 'csv-parse/sync';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOL = '@doyensec/electronegativity@1.10.3';
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron).replace(/^[^\d]*/, '');
const accepted = JSON.parse(readFileSync(path.join(root, 'test/security/electronegativity-accepted.json'), 'utf8')).accepted;

const out = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
const csv = path.join(out, 'findings.csv');
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
      csv,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: out },
  );
  const rows = parse(readFileSync(csv, 'utf8'), {
    columns: true,
    trim: true,
    skip_empty_lines: true,
    relax_quotes: true,
    relax_column_count: true,
  });
  const findings = rows.map((r) => ({
    check: r.issue,
    file: r.filename,
    location: r.location,
    severity: r.severity,
    description: r.description,
  }));
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
