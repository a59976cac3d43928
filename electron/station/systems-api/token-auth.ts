/**
 * Who is calling: the bearer token looked up by its hash at every call (no cache, so a revoked token
 * is refused at once), compared in constant time, and its scopes checked against the operation's.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiScope } from '../../../shared/domain/systems-api';
import { StationError } from '../../../shared/errors';
import type { ProblemDetails } from './api-schemas';
import type { ApiToken, TokenStore } from './ports';
import { problem, problemDetails } from './problem-details';
import { hashToken, looksLikeToken, tokenMatches } from './token-secret';

/** last_used_at is written at most this often per token (a busy WMS would otherwise write at every call). */
const TOUCH_EVERY_MS = 60_000;

export type AuthResult = { ok: true; token: ApiToken } | { ok: false; problem: ProblemDetails };

export async function authenticate(req: IncomingMessage, tokens: TokenStore, now: Date): Promise<AuthResult> {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) {
    return {
      ok: false,
      problem: problem(
        'api_token_missing',
        header ? 'The Authorization header must be "Bearer <token>".' : 'The request has no API token.',
        'Send the header Authorization: Bearer <token>, with a token a supervisor created in Settings → Systems API.',
      ),
    };
  }
  const given = match[1]!;
  const invalid = problem(
    'api_token_invalid',
    'This API token is not known to the station (mistyped, or from another warehouse).',
    'Check the token; a supervisor can create a new one in Settings → Systems API.',
  );
  if (!looksLikeToken(given)) return { ok: false, problem: invalid };
  let token: ApiToken | undefined;
  try {
    token = await tokens.findByHash(hashToken(given));
  } catch (error) {
    if (error instanceof StationError) return { ok: false, problem: problemDetails(error.toProblem(), 503) };
    return {
      ok: false,
      problem: problem(
        'systems_api_unavailable',
        'The station cannot check API tokens right now (its database does not answer).',
        'Try again in a minute; if it lasts, tell the warehouse’s IT.',
      ),
    };
  }
  if (!token || !tokenMatches(given, token.tokenHash)) return { ok: false, problem: invalid };
  if (token.revokedAt) {
    return {
      ok: false,
      problem: problem(
        'api_token_invalid',
        `This API token ("${token.name}") was revoked at ${token.revokedAt}.`,
        'Ask a supervisor for a new token (Settings → Systems API).',
      ),
    };
  }
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) >= TOUCH_EVERY_MS) {
    await tokens.touch(token.id, now.toISOString()).catch(() => undefined);
  }
  return { ok: true, token };
}

export function scopeProblem(token: ApiToken, scope: ApiScope): ProblemDetails | undefined {
  if (token.scopes.includes(scope)) return undefined;
  const can = token.scopes.length > 0 ? token.scopes.join(', ') : 'nothing';
  return problem(
    'api_scope_missing',
    `The token "${token.name}" may not ${SCOPE_WORDS[scope]} (it has the scopes: ${can}).`,
    `A supervisor can create a token with the "${scope}" scope in Settings → Systems API.`,
  );
}

const SCOPE_WORDS: Record<ApiScope, string> = {
  read: 'read labels, history or health',
  print: 'reprint labels',
  buy: 'buy labels',
};
