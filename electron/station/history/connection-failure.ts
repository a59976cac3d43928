/**
 * The fleet's database could not be reached (refused, reset, timed out, shut down): a state of the
 * network, not a wrong query. Only these switch a station to its local cache.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart). */
const SQLSTATE = /^(08...|57P0[1-3])$/;
const MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|server closed the connection|Connection terminated unexpectedly|the database system is (starting up|shutting down)|Query read timeout|Client has encountered a connection error and is not queryable/i;

export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
  return MESSAGES.test(error.message);
}
