/**
 * The layer rules (.dependency-cruiser.cjs, run by `npm run lint`) fail on each kind of wrong import:
 * proven on a miniature of the layout with one wrong import of each kind (test/fixtures/wrong-imports).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths';

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

const depcruise = (target: string, outputType: 'err' | 'json') =>
  spawnSync(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'depcruise'),
    [target, '--config', '.dependency-cruiser.cjs', '--output-type', outputType],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    },
  );

/** The exit status of the lint's own run (output type err), and every violation it found. */
function cruise(target: string): { status: number | null; violations: Violation[] } {
  const report = JSON.parse(depcruise(target, 'json').stdout) as { summary: { violations: Violation[] } };
  return { status: depcruise(target, 'err').status, violations: report.summary.violations };
}

const fixture = (file: string): string => `test/fixtures/wrong-imports/${file}`;

describe('layer rules', () => {
  const { status, violations } = cruise('test/fixtures/wrong-imports');
  const found = violations.map((v) => `${v.rule.name}: ${v.from}`).sort();

  it('fail the lint on a wrong import', () => {
    expect(status).not.toBe(0);
    expect(violations.every((v) => v.rule.severity === 'error')).toBe(true);
  });

  it('name each kind of wrong import, and only the wrong ones', () => {
    expect(found).toEqual(
      [
        `base-rooms-import-only-shared: ${fixture('electron/station/providers/provider-with-history.ts')}`,
        `electron-only-in-main-and-preload: ${fixture('electron/station/core/core-with-electron.ts')}`,
        `labels-and-packing-never-import-core: ${fixture('electron/station/labels/scan-job-with-core.ts')}`,
        `no-circular: ${fixture('shared/cycle-a.ts')}`,
        `outbox-imports-the-rooms-it-delivers-from: ${fixture('electron/station/outbox/outbox-with-core.ts')}`,
        `renderer-only-renderer-and-shared: ${fixture('renderer/screen-with-history.ts')}`,
        `rooms-through-their-index: ${fixture('electron/station/orders/order-source-inside-providers.ts')}`,
        `shared-is-pure: ${fixture('shared/label-with-node.ts')}`,
        `shared-no-node: ${fixture('shared/label-with-node.ts')}`,
        `web-shell-is-not-electron: ${fixture('electron/web/server-with-main.ts')}`,
      ].sort(),
    );
    expect(found.join('\n')).not.toContain('order-source-through-index');
  });
});
