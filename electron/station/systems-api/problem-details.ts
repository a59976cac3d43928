/**
 * Every error of the Station API in one shape: RFC 9457 problem details (application/problem+json)
 * carrying the station's problem code and next step, and the HTTP status each code answers with.
 */
import type { FieldIssues, Problem, ProblemCode } from '../../../shared/errors';
import type { ProblemDetails } from './api-schemas';

const BY_CODE: Partial<Record<ProblemCode, number>> = {
  bad_request: 400,
  invalid_input: 400,
  idempotency_key_missing: 400,
  api_token_missing: 401,
  api_token_invalid: 401,
  api_scope_missing: 403,
  not_found: 404,
  label_not_found: 404,
  order_not_found: 404,
  tiktok_order_not_found: 404,
  aftership_order_not_found: 404,
  method_not_allowed: 405,
  order_busy: 409,
  label_checking: 409,
  label_may_exist: 409,
  order_cancelled: 409,
  order_packed_otherwise: 409,
  split_needed: 409,
  check_needed: 409,
  idempotency_in_progress: 409,
  label_waiting_for_printer: 409,
  not_printable: 409,
  label_file_pending: 409,
  too_large: 413,
  unsupported_media_type: 415,
  other_station: 421,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  station_unreachable: 502,
  systems_api_unavailable: 503,
  fleet_database_unreachable: 503,
  provider_failing: 503,
  operators_unavailable: 503,
};

/** Provider and network failures the caller should retry later: 503 with Retry-After. */
const TRY_LATER = /_(unreachable|no_answer|server_error|unavailable|rate_limited|connection_lost|still_creating)$/;

/** The status a problem answers with: a listed code's, 503 for "try later", else 422 (the request was understood but refused). */
export function statusFor(code: ProblemCode): number {
  return BY_CODE[code] ?? (TRY_LATER.test(code) ? 503 : 422);
}

export function problemDetails(problem: Problem, status = statusFor(problem.code)): ProblemDetails {
  return {
    type: `urn:label-station:problem:${problem.code}`,
    title: titleOf(problem.code),
    status,
    detail: problem.message,
    code: problem.code,
    nextStep: problem.nextStep,
    ...(problem.fields && { fields: problem.fields }),
  };
}

export function problem(code: ProblemCode, message: string, nextStep: string, fields?: FieldIssues): ProblemDetails {
  return problemDetails({ code, message, nextStep, ...(fields && { fields }) });
}

/** "label_may_exist" -> "Label may exist": the same for every occurrence of a code, as RFC 9457 asks of a title. */
function titleOf(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
