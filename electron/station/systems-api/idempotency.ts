/**
 * The caller's Idempotency-Key: key -> hash of the request -> the answer. The same key with the same
 * request gets the first answer again (never a second label); with another request, 422. Calls with
 * one key in this process wait for the first; a key held by another station of the fleet is 409
 * until it answers. An answer where something was not bought lets the key go, so a retry runs again:
 * safe, because the station's own rules (one label per order and parcel set) hold underneath.
 */
import { createHash } from 'node:crypto';
import type { ProblemDetails } from './api-schemas';
import type { IdempotencyStore } from './ports';
import { problem } from './problem-details';
import { StationError } from '../../../shared/errors';

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What a run answers, and whether the answer is final (kept for retries) or the key is let go. */
export interface RunAnswer extends Answer {
  keep: boolean;
}

/** A key left "running" this long by a station that never finished is taken over. */
const ABANDONED_AFTER_MS = 10 * 60_000;

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body)}`)
    .digest('hex');
}

export class Idempotency {
  private readonly running = new Map<string, { hash: string; answer: Promise<Answer> }>();

  constructor(
    private readonly store: IdempotencyStore,
    private readonly stationId: string,
    private readonly now: () => Date,
  ) {}

  async run(tokenId: string, key: string, hash: string, work: () => Promise<RunAnswer>): Promise<Answer & { replayed: boolean }> {
    const mapKey = `${tokenId}\u0000${key}`;
    const here = this.running.get(mapKey);
    if (here) {
      if (here.hash !== hash) return { ...reused(), replayed: false };
      return { ...(await here.answer), replayed: true };
    }
    let settle!: (answer: Answer) => void;
    const answer = new Promise<Answer>((resolve) => (settle = resolve));
    this.running.set(mapKey, { hash, answer });
    try {
      const result = await this.claimAndRun(tokenId, key, hash, work);
      settle(result);
      return result;
    } catch (error) {
      settle({ status: 500, body: internal() });
      throw error;
    } finally {
      this.running.delete(mapKey);
    }
  }

  private async claimAndRun(
    tokenId: string,
    key: string,
    hash: string,
    work: () => Promise<RunAnswer>,
  ): Promise<Answer & { replayed: boolean }> {
    const at = this.now().toISOString();
    let claim: Awaited<ReturnType<IdempotencyStore['claim']>>;
    try {
      claim = await this.store.claim(tokenId, key, hash, this.stationId, at);
    } catch {
      // The database that keeps the keys (a fleet's PostgreSQL) does not answer: nothing is bought.
      throw new StationError(
        'systems_api_unavailable',
        'The station cannot record the Idempotency-Key right now (its database does not answer), so nothing was bought.',
        'Retry the same request with the same key in a minute.',
      );
    }
    if (!claim.claimed) {
      const { record } = claim;
      if (record.requestHash !== hash) return { ...reused(), replayed: false };
      if (record.state === 'done') {
        return { status: record.status ?? 200, body: JSON.parse(record.response ?? 'null') as unknown, replayed: true };
      }
      const abandoned = this.now().getTime() - Date.parse(record.updatedAt) > ABANDONED_AFTER_MS;
      // Left running by this station before a restart (nothing here runs it now), or long abandoned.
      if (record.stationId !== this.stationId && !abandoned) return { ...inProgress(), replayed: false };
      await this.store.retake(tokenId, key, at);
    }
    let result: RunAnswer;
    try {
      result = await work();
    } catch (error) {
      await this.store.release(tokenId, key).catch(() => undefined);
      throw error;
    }
    if (result.keep) await this.store.finish(tokenId, key, result.status, JSON.stringify(result.body), this.now().toISOString());
    else await this.store.release(tokenId, key);
    return { status: result.status, body: result.body, ...(result.headers && { headers: result.headers }), replayed: false };
  }
}

function reused(): Answer {
  const body: ProblemDetails = problem(
    'idempotency_key_reused',
    'This Idempotency-Key was already used with a different request.',
    'Use a new key for a new request; retry a request only with exactly the same body.',
  );
  return { status: body.status, body };
}

function inProgress(): Answer {
  const body = problem(
    'idempotency_in_progress',
    'A request with this Idempotency-Key is still running at another station of the warehouse.',
    'Retry the same request after a few seconds: it then gets that request’s answer.',
  );
  return { status: body.status, body, headers: { 'retry-after': '5' } };
}

function internal(): ProblemDetails {
  return problem(
    'internal_error',
    'The station hit an unexpected error.',
    'Retry the same request; if it happens again, tell the warehouse’s IT.',
  );
}
