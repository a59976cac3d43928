/** Operators and roles: sign-in, locks, approvals, and the storage port the history room implements. */
export { OperatorService, type OperatorServiceDeps } from './operator-service';
export { OperatorSessionState, type SessionState } from './operator-session';
export { signInRequired, supervisorRequired } from './operator-problems';
export { readSupervisorPreset } from './supervisor-preset';
export { DEFAULT_HASH_COST, type HashCost } from './secret-hash';
export { DEMO_USERS } from './demo-users';
export type { OperatorStore, OperatorUpdate, StoredOperator, WriteResult } from './operator-store';
