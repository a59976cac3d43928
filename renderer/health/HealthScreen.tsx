/**
 * The Health panel: is anything about to break? The light and its reasons, then the figures behind
 * them: per provider (requests, failures, latency, rate-limit waits) and per printer (labels,
 * faults, time held) over the last hour and the last 24 hours, TikTok Shop's authorization, the
 * backups and the retention of label files, and how the light is set.
 */
import type { HealthReport, PrinterWindow, ProviderWindow } from '../../shared/domain/health';
import * as T from '../../shared/domain/health-thresholds';
import { HEALTH_PANEL_POLL_MS, useHealth } from '../api/health';
import { toProblem } from '../api/problem';
import { ProblemBox } from '../ui/ProblemBox';
import { bytesWords, durationWords, LIGHT_WORDS, msWords, percentWords, untilWords, whenWords } from './health-words';

export function HealthScreen() {
  const health = useHealth(HEALTH_PANEL_POLL_MS);
  if (health.isError)
    return (
      <div className="screen-pad">
        <ProblemBox problem={toProblem(health.error)} />
      </div>
    );
  if (!health.data) return <div className="screen-pad muted">Loading the station’s health…</div>;
  const report = health.data;
  const now = Date.parse(report.at);
  return (
    <div className="health-screen" data-testid="health-screen">
      <section className={`health-summary health-summary-${report.light}`} data-testid="health-summary">
        <span className="health-dot health-dot-big" aria-hidden="true" />
        <div>
          <h2>{LIGHT_WORDS[report.light]}</h2>
          {report.reasons.length === 0 ? (
            <p className="panel-text">Providers answer, printers print, backups are made. Figures below.</p>
          ) : (
            <ul className="health-reasons" data-testid="health-reasons">
              {report.reasons.map((r) => (
                <li key={r.text} className={`health-reason-${r.light}`}>
                  {r.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      <div className="health-grid">
        <section className="health-card" data-testid="health-providers">
          <h3>Label providers</h3>
          <table className="health-table">
            <thead>
              <tr>
                <th>Provider</th>
                <th>Window</th>
                <th>Requests</th>
                <th>Failed</th>
                <th>Typical (p50)</th>
                <th>Slowest 5 % (p95)</th>
                <th>Slow-down waits</th>
              </tr>
            </thead>
            <tbody>
              {report.providers.flatMap((p) =>
                (
                  [
                    ['Last hour', p.lastHour],
                    ['Last 24 hours', p.lastDay],
                  ] as const
                ).map(([label, w], i) => (
                  <tr key={`${p.provider}-${label}`} data-testid={`provider-${p.provider}-${i === 0 ? 'hour' : 'day'}`}>
                    {i === 0 && (
                      <th rowSpan={2} scope="rowgroup" className="health-name">
                        {p.title}
                        {p.selected && <div className="muted small">scans buy here</div>}
                        {p.provider === 'sandbox' && <div className="muted small">no network: nothing to count</div>}
                      </th>
                    )}
                    <td className="muted">{label}</td>
                    <ProviderCells w={w} />
                  </tr>
                )),
              )}
            </tbody>
          </table>
          <p className="muted small">
            Failed: no answer, a server error or refused credentials. A refusal about the order itself (a wrong address) is an answer, not a
            failure. Slow-down waits: “too many requests” answers, and how long every request was held back after them.
          </p>
        </section>

        <section className="health-card" data-testid="health-printers">
          <h3>Printers</h3>
          <table className="health-table">
            <thead>
              <tr>
                <th>Printer</th>
                <th>Window</th>
                <th>Labels printed</th>
                <th>Faults</th>
                <th>Labels held</th>
              </tr>
            </thead>
            <tbody>
              {report.printers.flatMap((p) =>
                (
                  [
                    ['Last hour', p.lastHour],
                    ['Last 24 hours', p.lastDay],
                  ] as const
                ).map(([label, w], i) => (
                  <tr key={`${p.name}-${label}`} data-testid={i === 0 ? 'printer-hour' : 'printer-day'}>
                    {i === 0 && (
                      <th rowSpan={2} scope="rowgroup" className="health-name">
                        {p.name}
                        {p.holdingSince && (
                          <div className="status status-bad small-status">
                            holding labels since {new Date(p.holdingSince).toLocaleTimeString([], { timeStyle: 'short' })}
                          </div>
                        )}
                      </th>
                    )}
                    <td className="muted">{label}</td>
                    <PrinterCells w={w} />
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>

        <TikTokCard report={report} now={now} />
        <StorageCard report={report} />
        <ThresholdsCard />
      </div>
    </div>
  );
}

function ProviderCells({ w }: { w: ProviderWindow }) {
  return (
    <>
      <td className="num">{w.requests}</td>
      <td className={`num ${w.failures > 0 ? 'text-bad strong' : ''}`} data-testid="failure-rate">
        {w.requests === 0 ? '—' : `${percentWords(w.failureRate)} (${w.failures})`}
      </td>
      <td className="num">{msWords(w.latencyP50Ms)}</td>
      <td className="num">{msWords(w.latencyP95Ms)}</td>
      <td className="num">{w.rateLimited === 0 ? '—' : `${w.rateLimited} · ${durationWords(w.rateLimitHeldMs)}`}</td>
    </>
  );
}

function PrinterCells({ w }: { w: PrinterWindow }) {
  return (
    <>
      <td className="num">{w.jobs}</td>
      <td className={`num ${w.faults > 0 ? 'text-bad strong' : ''}`}>{w.faults}</td>
      <td className="num">{durationWords(w.heldMs)}</td>
    </>
  );
}

function TikTokCard({ report, now }: { report: HealthReport; now: number }) {
  const t = report.tiktok;
  return (
    <section className="health-card" data-testid="health-tiktok">
      <h3>TikTok Shop authorization</h3>
      {!t.authorized ? (
        <p className="panel-text">Not authorized on this station (needed only when TikTok Shop is the provider or an order source).</p>
      ) : (
        <dl className="health-facts">
          <dt>Authorization ends</dt>
          <dd data-testid="tiktok-authorization-ends">
            {t.authorizationExpiresAt
              ? `${whenWords(t.authorizationExpiresAt)} (${untilWords(t.authorizationExpiresAt, now)})`
              : 'TikTok did not say'}
          </dd>
          <dt>Access token</dt>
          <dd>
            {t.accessTokenExpiresAt
              ? `renews itself; current one ends ${whenWords(t.accessTokenExpiresAt)} (${untilWords(t.accessTokenExpiresAt, now)})`
              : 'fetched at the next request'}
          </dd>
        </dl>
      )}
      <p className="muted small">
        A supervisor authorizes again in Settings → TikTok Shop before the authorization ends; the light turns amber {T.TOKEN_WARNING_DAYS}{' '}
        days ahead and red on the last day.
      </p>
    </section>
  );
}

function StorageCard({ report }: { report: HealthReport }) {
  const { backup, retention } = report;
  return (
    <section className="health-card" data-testid="health-storage">
      <h3>Backups and label files</h3>
      <dl className="health-facts">
        <dt>Last backup</dt>
        <dd data-testid="health-last-backup">
          {whenWords(backup.lastBackupAt)}
          {backup.lastBackupBytes !== null && ` · ${bytesWords(backup.lastBackupBytes)}`}
        </dd>
        <dt>Backups kept</dt>
        <dd>
          {backup.backups.length} of {backup.keep} · <span className="mono small">{backup.folder}</span>
        </dd>
        {backup.lastProblem && (
          <>
            <dt>Last try</dt>
            <dd className="text-bad">{backup.lastProblem}</dd>
          </>
        )}
        {backup.recoveries[0] && (
          <>
            <dt>History restored</dt>
            <dd data-testid="health-history-restored">
              The history file was found damaged {whenWords(backup.recoveries[0].at)} ({backup.recoveries[0].reason}).{' '}
              {backup.recoveries[0].restoredFrom === null
                ? 'No backup opened: History started empty.'
                : `The backup of ${whenWords(backup.recoveries[0].restoredFrom)} was put in its place: labels bought after it are not in History.`}{' '}
              Damaged file kept: <span className="mono small">{backup.recoveries[0].damagedFile}</span>
            </dd>
          </>
        )}
        <dt>Label files</dt>
        <dd>
          {retention.days === 0
            ? 'kept forever'
            : `removed after ${retention.days} days (last run ${whenWords(retention.lastRunAt)}: ${retention.lastPruned} removed)`}
        </dd>
      </dl>
      {backup.mode === 'fleet' && (
        <p className="warning small">
          This backs up the station’s own database (print queue, its copy of labels). The warehouse’s PostgreSQL holds the labels and is not
          backed up here: back it up on its server.
        </p>
      )}
    </section>
  );
}

function ThresholdsCard() {
  return (
    <section className="health-card" data-testid="health-thresholds">
      <h3>How the light is set</h3>
      <ul className="health-rules">
        <li>
          A provider’s failures in the last hour (from {T.MIN_REQUESTS_FOR_RATE} requests): amber from {percentWords(T.FAILURE_RATE_AMBER)},
          red from {percentWords(T.FAILURE_RATE_RED)}.
        </li>
        <li>
          Amber when 1 request in 20 takes {msWords(T.LATENCY_P95_AMBER_MS)} or more, or slow-down waits pass{' '}
          {durationWords(T.RATE_LIMIT_HELD_AMBER_MS)} in an hour.
        </li>
        <li>
          TikTok authorization: amber {T.TOKEN_WARNING_DAYS} days before it ends, red within {T.TOKEN_URGENT_DAYS} day.
        </li>
        <li>
          A printer: amber after {T.PRINTER_FAULTS_AMBER} faults in 24 hours, red after {T.PRINTER_FAULTS_RED}, or when it holds labels{' '}
          {durationWords(T.PRINTER_HOLD_RED_MS)}.
        </li>
        <li>Amber when the last backup failed or none was made for {durationWords(T.BACKUP_STALE_MS)}.</li>
        <li>
          Amber for {durationWords(T.HISTORY_RESTORED_NOTICE_MS)} after a damaged history file was replaced by its newest backup at start.
        </li>
      </ul>
    </section>
  );
}
