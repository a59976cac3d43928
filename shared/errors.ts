/**
 * Every problem the station reports, in one table: its code, and when it is raised. A problem
 * crosses the contract as data (code, words for the worker, the next step, and for invalid input
 * the issues per field), never as text a screen has to parse.
 */
import { z } from 'zod';

/** Problem codes by the room that raises them (the contract's own first). */
export const PROBLEM_CODES = {
  contract: [
    'bad_request',
    'too_large',
    'unauthorized',
    'bad_response',
    'unknown_method',
    'invalid_input',
    'internal_error',
    'ipc_failed',
    'station_unreachable',
    'forbidden',
  ],
  scan: ['empty', 'shopify_order_number', 'wrong_length', 'tracking_number', 'not_an_order_id'],
  labels: [
    'order_busy',
    'purchase_unknown',
    'provider_failing',
    'label_may_exist',
    'label_download_failed',
    'label_download_cancelled',
    'label_file_pending',
    'label_file_unusable',
    'label_cancelled',
    'label_not_found',
    'label_file_missing',
    'label_file_unreadable',
    'label_waiting_for_printer',
    'not_printable',
    'not_uncertain',
    'label_checking',
    'cannot_check_before_buying',
    'already_printed',
    'unknown_label_format',
    'label_url_invalid',
    'order_packed_otherwise',
  ],
  packing: ['shipment_invalid', 'split_needs_provider_items', 'split_unknown_order'],
  batches: ['batch_empty', 'batch_too_long', 'batch_line_unreadable', 'batch_not_found', 'batch_unknown', 'batch_finished'],
  orders: [
    'order_not_found',
    'order_cancelled',
    'orders_file_missing',
    'orders_file_unreadable',
    'orders_file_invalid',
    'shopify_unreachable',
    'shopify_unavailable',
    'shopify_unauthorized',
    'shopify_forbidden',
    'shopify_throttled',
    'shopify_query_failed',
    'shopify_no_answer',
    'shopify_cancelled',
    'shopify_bad_response',
    'shopify_no_tiktok_id',
    'shopify_wrong_address',
  ],
  printing: [
    'print_queued',
    'print_error',
    'print_failed',
    'print_cancelled',
    'preview_unavailable',
    'label_box_missing',
    'printer_not_found',
    'printer_unreachable',
    'printer_timeout',
    'printer_disconnected',
    'printer_refused',
    'printer_permission',
    'printer_io_error',
    'invalid_printer_address',
    'zpl_dpi_unchecked',
    'zpl_wrong_dpi',
    'zpl_needs_zpl_printer',
    'label_unreadable',
    'queue_stopped',
    'invalid_print_job',
    'job_not_found',
    'job_sending',
    'job_cancelled',
    'job_already_done',
    'job_not_held',
  ],
  providers: [
    'provider_not_configured',
    'lookup_unsupported',
    'invalid_label_request',
    'split_without_items',
    'sandbox_ledger_unreadable',
    'sandbox_ledger_unwritable',
    'provider_host_refused',
  ],
  aftership: [
    'aftership_bad_request',
    'aftership_bad_response',
    'aftership_cancelled_in_flight',
    'aftership_connection_lost',
    'aftership_courier_error',
    'aftership_duplicate_order',
    'aftership_label_cancelling',
    'aftership_label_failed',
    'aftership_lookup_cancelled',
    'aftership_lookup_failed',
    'aftership_lookup_unauthorized',
    'aftership_no_answer',
    'aftership_order_not_found',
    'aftership_rate_failed',
    'aftership_rate_limited',
    'aftership_refused',
    'aftership_server_error',
    'aftership_service_unavailable',
    'aftership_shipper_account_missing',
    'aftership_still_creating',
    'aftership_unauthorized',
    'aftership_unexpected',
    'aftership_unreachable',
    'aftership_wrong_address',
  ],
  tiktok: [
    'tiktok_bad_signature',
    'tiktok_items_in_other_package',
    'tiktok_label_exists',
    'tiktok_label_not_fetched',
    'tiktok_not_authorized',
    'tiktok_nothing_to_ship',
    'tiktok_one_package_per_label',
    'tiktok_order_not_found',
    'tiktok_order_not_ready',
    'tiktok_rate_limited',
    'tiktok_refused',
    'tiktok_unavailable',
    'tiktok_unexpected',
    'tiktok_unknown_items',
    'tiktok_unreachable',
    'tiktok_wrong_address',
    'tiktok_create_cancelled',
    'tiktok_create_timeout',
    'tiktok_create_lost',
    'tiktok_create_server',
    'tiktok_create_unreadable',
    'authorization_mismatch',
  ],
  shipium: [
    'shipium_bad_response',
    'shipium_cancelled_in_flight',
    'shipium_connection_lost',
    'shipium_duplicate_shipment',
    'shipium_no_answer',
    'shipium_rate_limited',
    'shipium_refused',
    'shipium_server_error',
    'shipium_unauthorized',
    'shipium_unexpected',
    'shipium_unreachable',
    'shipium_wrong_address',
    'shipium_label_unusable',
  ],
  core: ['data_folder_in_use', 'fleet_database_invalid'],
  history: ['fleet_database_unreachable'],
  settings: ['locked_by_env', 'invalid_env', 'secret_storage_unavailable', 'backup_folder_unwritable'],
  operators: [
    'sign_in_required',
    'supervisor_required',
    'wrong_pin',
    'badge_unknown',
    'badges_paused',
    'operator_locked',
    'operator_inactive',
    'operator_not_found',
    'operator_name_taken',
    'badge_taken',
    'operator_needs_secret',
    'first_supervisor_exists',
    'last_supervisor',
    'operators_unavailable',
  ],
  reports: ['export_failed', 'summary_printer_unsuitable', 'export_folder_unwritable', 'export_not_found', 'show_in_folder_unavailable'],
  systemsApi: [
    'api_token_missing',
    'api_token_invalid',
    'api_scope_missing',
    'api_token_not_found',
    'idempotency_key_missing',
    'idempotency_key_reused',
    'idempotency_in_progress',
    'rate_limited',
    'not_found',
    'method_not_allowed',
    'unsupported_media_type',
    'other_station',
    'split_needed',
    'check_needed',
    'systems_api_unavailable',
  ],
} as const;

export type ProblemCode = (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES][number];
export const ProblemCode = z.enum(Object.values(PROBLEM_CODES).flat() as [ProblemCode, ...ProblemCode[]]);

/** Invalid fields by dotted path ("printers.list.1.address"), each with its messages: zod's flattened form, nested paths kept. */
export const FieldIssues = z.record(z.string(), z.array(z.string()));
export type FieldIssues = z.infer<typeof FieldIssues>;

/** A problem told to a warehouse worker: what happened and what to do next. */
export const Problem = z.object({
  code: ProblemCode,
  message: z.string(),
  nextStep: z.string(),
  fields: FieldIssues.optional(),
});
export type Problem = z.infer<typeof Problem>;

/** A failure the station reports to the worker as is (message + next step). */
export class StationError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly nextStep: string,
    readonly fields?: FieldIssues,
  ) {
    super(message);
    this.name = 'StationError';
  }

  toProblem(): Problem {
    return { code: this.code, message: this.message, nextStep: this.nextStep, ...(this.fields && { fields: this.fields }) };
  }
}

/** A zod error as field issues: each invalid field's dotted path with its messages ("" for the whole value). */
export function fieldIssues(error: z.ZodError): FieldIssues {
  const fields: FieldIssues = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    (fields[path] ??= []).push(issue.message);
  }
  return fields;
}

/** The same issues in one line, for a log or a message that names the fields. */
export function describeFieldIssues(fields: FieldIssues): string {
  return Object.entries(fields)
    .map(([path, messages]) => (path ? `${path}: ${messages.join(', ')}` : messages.join(', ')))
    .join('; ');
}

export function describeZodError(error: z.ZodError): string {
  return describeFieldIssues(fieldIssues(error));
}
