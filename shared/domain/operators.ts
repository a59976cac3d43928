/** Who works at the station: operators and supervisors, and how a supervisor approves one action. */
import { z } from 'zod';

export const Role = z.enum(['operator', 'supervisor']);
export type Role = z.infer<typeof Role>;

/** A PIN is digits only, typed on any keypad. */
export const Pin = z
  .string()
  .trim()
  .regex(/^\d+$/, 'A PIN is digits only')
  .min(4, 'A PIN has at least 4 digits')
  .max(12, 'A PIN has at most 12 digits');

/** A badge barcode as the scanner types it. */
export const BadgeCode = z.string().trim().min(4, 'That badge code is too short').max(100, 'That badge code is too long');

/**
 * A supervisor's word for one action, given at the operator's station without signing the
 * operator out: their badge scanned, or their name chosen and their PIN typed.
 */
export const SupervisorApproval = z.union([
  z.object({ badge: BadgeCode }).strict(),
  z.object({ operatorId: z.string().min(1).max(64), pin: Pin }).strict(),
]);
export type SupervisorApproval = z.infer<typeof SupervisorApproval>;
