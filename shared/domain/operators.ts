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

/** How an operator signs in: the same two ways a supervisor approves. */
export const SignInCredentials = SupervisorApproval;
export type SignInCredentials = SupervisorApproval;

export const OperatorName = z.string().trim().min(1, 'Type a name').max(60, 'A name has at most 60 characters');

/** Who is signed in (never a PIN or badge). `demo`: a sandbox demo user, gone once a real provider is set. */
export const SignedInOperator = z.object({ id: z.string(), name: z.string(), role: Role, demo: z.boolean() });
export type SignedInOperator = z.infer<typeof SignedInOperator>;

export const OperatorSession = z.object({
  operator: SignedInOperator.nullable(),
  /** When the operator signed in (ISO); null when nobody is. */
  since: z.string().nullable(),
  /** Settings: sign out after this many idle minutes; 0 never. */
  idleSignOutMinutes: z.number().int(),
});
export type OperatorSession = z.infer<typeof OperatorSession>;

/** An operator as the sign-in screen lists them: a name to choose, never a secret. */
export const SignInChoice = z.object({ id: z.string(), name: z.string(), role: Role, hasPin: z.boolean(), demo: z.boolean() });
export type SignInChoice = z.infer<typeof SignInChoice>;

/** The demo users of the sandbox: public by design, shown on the sign-in screen. */
export const DemoUser = z.object({ id: z.string(), name: z.string(), role: Role, pin: z.string(), badge: z.string() });
export type DemoUser = z.infer<typeof DemoUser>;

export const SignInOptions = z.object({
  operators: z.array(SignInChoice),
  /** No operator exists and the provider is real: the station asks for the first supervisor. */
  firstSupervisorNeeded: z.boolean(),
  /** Sandbox only, while no real operator exists: the demo users and their PINs, marked DEMO. */
  demoUsers: z.array(DemoUser),
});
export type SignInOptions = z.infer<typeof SignInOptions>;

/** An operator as Settings shows them to a supervisor: whether a PIN or badge is set, never which. */
export const OperatorView = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  hasPin: z.boolean(),
  hasBadge: z.boolean(),
  /** Locked after too many wrong PINs, until this time (ISO); null when not locked. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type OperatorView = z.infer<typeof OperatorView>;

export const NewOperator = z
  .object({ name: OperatorName, role: Role, pin: Pin.optional(), badge: BadgeCode.optional() })
  .strict()
  .refine((o) => o.pin !== undefined || o.badge !== undefined, {
    message: 'Give a PIN or a badge (or both): without one, nobody can sign in with this name',
    path: ['pin'],
  });
export type NewOperator = z.infer<typeof NewOperator>;

export const OperatorChanges = z
  .object({
    operatorId: z.string().min(1).max(64),
    name: OperatorName.optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
    pin: Pin.optional(),
    /** A new badge; null takes the badge away. */
    badge: BadgeCode.nullable().optional(),
    /** Takes the PIN away (the operator then signs in by badge only). */
    removePin: z.literal(true).optional(),
  })
  .strict();
export type OperatorChanges = z.infer<typeof OperatorChanges>;

/** What a supervisor sees for a lock: "locked until 14:05". */
export const LOCK_AFTER_WRONG_PINS = 5;
export const LOCK_MINUTES = 5;

/** Each supervisor action in words ("A supervisor must approve: …"), the same in the core's refusal and the approval dialog. */
export const SUPERVISOR_ACTION_WORDS = {
  changeSettings: 'change Settings',
  setSecret: 'change a key or token in Settings',
  clearSecret: 'remove a key or token in Settings',
  authorizeTikTok: 'authorize TikTok Shop',
  cancelPrint: 'cancel a waiting label',
  confirmNoLabel: 'say no label exists and allow buying again',
  splitShipment: 'split a shipment into boxes',
  skipItemCheck: 'buy a label without checking the items',
  seeOperators: 'see the operators',
  addOperator: 'add an operator',
  changeOperator: 'change an operator',
  unlockOperator: 'unlock an operator',
  startBatch: 'buy a batch of orders',
  createApiToken: 'create an API token for a WMS or ERP',
  revokeApiToken: 'revoke an API token',
} as const;

/**
 * An operator as stored (station SQLite or fleet PostgreSQL): only hashes, never a PIN or a badge.
 * Main process only: the contract never carries it to the renderer.
 */
export interface StoredOperator {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  /** scrypt hash with its own salt (settings/operators/secret-hash.ts); null without a PIN. */
  pinHash: string | null;
  /** The badge's scrypt hash under the fleet-wide salt, found by index; null without a badge. */
  badgeLookup: string | null;
  /** Wrong PINs in a row since the last right one or the last lock. */
  failedPins: number;
  lockedUntil: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}
