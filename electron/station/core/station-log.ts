/**
 * The station's log: one JSON line per event (pino) in `<data folder>/logs/station.log`, rotated at
 * 5 MB with 5 old files kept (at most 30 MB), written the same way by the Electron and the browser
 * shell. Every line is scrubbed before it is written: the values of the station's secrets (API keys,
 * app secret, TikTok tokens, the fleet database's password) and anything shaped like a key or token
 * become [hidden], so a log can be sent to support as it is.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

import type { Log } from '../../../shared/domain/log';

export interface StationLog {
  log: Log;
  /** Where the secrets come from once settings are open (values are read at each line, so a new key is hidden at once). */
  hideSecrets(source: () => readonly string[]): void;
  /** The last lines written, newest last, for diagnostics. */
  recent(): string[];
  /** The log's scrubbing, for other text that leaves the station (diagnostics). */
  scrub(text: string): string;
  readonly file: string;
  close(): Promise<void>;
}

export interface StationLogOptions {
  shell: 'electron' | 'web';
  /** Where lines also go (the shell's console). */
  echo?: (line: string) => void;
  /** For tests: rotate at this size (rotating-file-stream's notation, e.g. '1K'). */
  rotateAt?: string;
}

const ROTATE_AT = '5M';
const OLD_FILES = 5;
const RECENT_LINES = 300;
/** Secrets shorter than this are not searched for (they would hide ordinary words). */
const SHORTEST_SECRET = 8;
/** `api-key: …`, `access_token=…`, `Authorization: Bearer …` and the like, whatever the secret's value. */
const KEY_SHAPED =
  /((?:api[-_]?key|access[-_]?token|refresh[-_]?token|app[-_]?secret|client[-_]?secret|password|authorization)["']?\s*[:=]\s*["']?(?:bearer\s+)?)[^\s"',;&]+/gi;
/** A Station API token (lsk_ + 43 base64url characters): the station keeps only its hash, so it cannot be listed as a secret. */
const API_TOKEN = /\blsk_[A-Za-z0-9_-]{20,}/g;
/** A database URL's password: postgres://user:PASSWORD@host. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi;

export function openStationLog(dataDir: string, options: StationLogOptions): StationLog {
  const dir = path.join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stream: RotatingFileStream = createStream('station.log', {
    path: dir,
    size: options.rotateAt ?? ROTATE_AT,
    rotate: OLD_FILES,
    mode: 0o600,
  });
  // A log that cannot be written must never stop a scan: say so once on the console and carry on.
  let streamFailed = false;
  stream.on('error', (error: Error) => {
    if (!streamFailed) options.echo?.(`the log file cannot be written (${error.message}); logging to the console only`);
    streamFailed = true;
  });
  const logger = pino(
    {
      base: { shell: options.shell, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  let secrets: () => readonly string[] = () => [];
  const recent: string[] = [];

  const scrub = (text: string): string => {
    let clean = text.replace(URL_PASSWORD, '$1[hidden]@').replace(KEY_SHAPED, '$1[hidden]').replace(API_TOKEN, 'lsk_[hidden]');
    for (const secret of secrets()) if (secret.length >= SHORTEST_SECRET) clean = clean.split(secret).join('[hidden]');
    return clean;
  };

  const log: Log = (line, fields) => {
    const message = scrub(line);
    const facts: Record<string, string | number | boolean | null> = {};
    for (const [key, value] of Object.entries(fields ?? {}))
      if (value !== undefined) facts[key] = typeof value === 'string' ? scrub(value) : value;
    if (!streamFailed) logger.info(facts, message);
    const shown = Object.keys(facts).length > 0 ? `${message} ${JSON.stringify(facts)}` : message;
    recent.push(`${new Date().toISOString()} ${shown}`);
    if (recent.length > RECENT_LINES) recent.shift();
    options.echo?.(message);
  };

  return {
    log,
    hideSecrets: (source) => {
      secrets = source;
    },
    recent: () => [...recent],
    scrub,
    file: path.join(dir, 'station.log'),
    close: () =>
      new Promise((resolve) => {
        logger.flush();
        stream.end(() => resolve());
      }),
  };
}
