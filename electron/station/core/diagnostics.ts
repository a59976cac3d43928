/**
 * "Copy diagnostics" (Settings): what support needs to see what this station is and what it did
 * lately — versions, the shell, the provider, printers, scale, database, the Station API and the
 * write-back, which settings the
 * environment fixes, which secrets are set (never their values), and the latest log lines. The
 * whole text is scrubbed by the log's rules once more before it leaves the core.
 */
import os from 'node:os';
import type { StationInfo } from '../../../shared/contract';
import type { Settings } from '../../../shared/domain/settings';
import type { WritebackHealth } from '../../../shared/domain/health';
import type { SystemsApiStatus } from '../../../shared/domain/systems-api';

export interface DiagnosticsInput {
  info: StationInfo;
  settings: Settings;
  secretsSet: Record<string, boolean>;
  lockedByEnv: Array<{ field: string; variable: string }>;
  logFile: string;
  recentLog: string[];
  scrub: (text: string) => string;
  systemsApi: SystemsApiStatus;
  /** As of the write-back's last pass; undefined before its first. */
  writeback: WritebackHealth | undefined;
}

export function diagnosticsText(input: DiagnosticsInput): string {
  const { info, settings } = input;
  const lines = [
    `Label Station ${info.version} — diagnostics made ${new Date().toISOString()}`,
    `Shell: ${info.shell}; Node ${process.versions.node}${process.versions.electron ? `; Electron ${process.versions.electron}` : ''}`,
    `System: ${os.platform()} ${os.release()} ${os.arch()}; ${Math.round(os.totalmem() / 2 ** 30)} GiB; uptime of this process ${Math.round(process.uptime())} s`,
    `Station: ${info.stationName}; data folder ${info.dataDir}`,
    `Provider: ${info.providerTitle}${info.sandbox ? ' (SANDBOX)' : ''}`,
    `Database: ${info.database.mode === 'fleet' ? `warehouse PostgreSQL — ${info.database.message}; ${info.database.pendingWrites} changes to send` : 'this station’s SQLite'}`,
    `History holds every purchase since: ${info.historyCompleteSince ?? 'not known yet (the warehouse database has not answered)'}`,
    'Printers:',
    ...settings.printers.list.map(
      (p) =>
        `  ${p.id === settings.printers.defaultId ? '*' : ' '} ${p.name}: ${p.address} · ${p.language.toUpperCase()} · ${p.dpi} dpi · ${p.media}`,
    ),
    `Scale: ${settings.scale.device.kind}${settings.scale.device.kind === 'serial' ? ` ${settings.scale.device.path} ${settings.scale.device.protocol}` : ''}`,
    `Station API: ${input.systemsApi.state}${input.systemsApi.url ? ` at ${input.systemsApi.url}` : ''} — ${input.systemsApi.message}`,
    `Write-back: ${
      input.writeback
        ? `${input.writeback.failed} set aside; ${input.writeback.oldestWaitingAt ? `waiting since ${input.writeback.oldestWaitingAt}` : 'nothing waiting'}`
        : 'not run yet'
    }`,
    `Packing: check items ${settings.packing.checkItems ? 'on' : 'off'}; at most ${settings.packing.maxUnitsPerBox} units per box`,
    `Secrets set: ${Object.entries(input.secretsSet)
      .map(([name, set]) => `${name} ${set ? 'yes' : 'no'}`)
      .join(', ')}`,
    `Set by the environment: ${input.lockedByEnv.map((l) => l.variable).join(', ') || 'nothing'}`,
    `Log file: ${input.logFile}`,
    '',
    `Latest log lines (${input.recentLog.length}):`,
    ...input.recentLog,
  ];
  return input.scrub(lines.join('\n'));
}
