/**
 * The rules for operators: who may sign in (badge, or name + PIN), locks after wrong PINs, a
 * supervisor's approval of one action, and the changes a supervisor makes. Storage is a port.
 */
import { randomUUID } from 'node:crypto';
import {
  LOCK_AFTER_WRONG_PINS,
  LOCK_MINUTES,
  type NewOperator,
  type OperatorChanges,
  type OperatorView,
  type SignedInOperator,
  type SignInCredentials,
  type SignInOptions,
} from '../../../../shared/domain/operators';
import type { ProviderName } from '../../../../shared/domain/providers';
import { DEMO_USERS, demoOperator, isDemoId } from './demo-users';
import {
  badgeTaken,
  badgesPaused,
  badgeUnknown,
  firstSupervisorExists,
  lastSupervisor,
  nameTaken,
  needsSecret,
  noPin,
  operatorInactive,
  operatorLocked,
  operatorNotFound,
  supervisorRequired,
  wrongPin,
} from './operator-problems';
import type { OperatorStore, OperatorUpdate, StoredOperator, WriteResult } from './operator-store';
import { BadgeThrottle } from './badge-throttle';
import { badgeLookup, DEFAULT_HASH_COST, hashSecret, newBadgeKey, verifySecret, type HashCost } from './secret-hash';

export interface OperatorServiceDeps {
  store: OperatorStore;
  provider: () => ProviderName;
  now?: () => Date;
  cost?: HashCost;
  log?: (line: string) => void;
  /** The environment's first supervisor (supervisor-preset.ts), created once the store answers. */
  preset?: NewOperator;
}

export class OperatorService {
  private readonly store: OperatorStore;
  private readonly now: () => Date;
  private readonly cost: HashCost;
  private readonly log: (line: string) => void;
  private preset: NewOperator | undefined;
  private readonly badges: BadgeThrottle;

  constructor(private readonly deps: OperatorServiceDeps) {
    this.store = deps.store;
    this.now = deps.now ?? (() => new Date());
    this.cost = deps.cost ?? DEFAULT_HASH_COST;
    this.log = deps.log ?? (() => {});
    this.preset = deps.preset;
    this.badges = new BadgeThrottle(this.now);
  }

  /** Creates the environment's supervisor if no operator has that name (retried until the store answers). */
  async ensurePreset(): Promise<void> {
    const preset = this.preset;
    if (!preset) return;
    const existing = (await this.store.list()).find((o) => o.name.toLowerCase() === preset.name.toLowerCase());
    if (!existing) {
      const result = await this.store.insert(await this.newRecord(preset, 'environment preset'));
      if (result === 'ok') this.log(`operators: supervisor ${preset.name} created from the environment preset`);
      else
        this.log(`operators: the environment's supervisor was not created (${result === 'badge_taken' ? 'badge' : 'name'} already in use)`);
    }
    this.preset = undefined;
  }

  async signInOptions(): Promise<SignInOptions> {
    await this.presetIfPending();
    const all = await this.store.list();
    const demo = this.demoAvailable(all);
    return {
      operators: [
        ...all.filter((o) => o.active).map((o) => ({ id: o.id, name: o.name, role: o.role, hasPin: o.pinHash !== null, demo: false })),
        ...(demo ? DEMO_USERS.map((u) => ({ id: u.id, name: u.name, role: u.role, hasPin: true, demo: true })) : []),
      ],
      firstSupervisorNeeded: all.length === 0 && this.deps.provider() !== 'sandbox',
      demoUsers: demo ? [...DEMO_USERS] : [],
    };
  }

  /** A badge or a name + PIN; a wrong PIN counts toward the operator's lock. */
  async authenticate(credentials: SignInCredentials): Promise<SignedInOperator> {
    await this.presetIfPending();
    if ('badge' in credentials) return this.byBadge(credentials.badge);
    return this.byPin(credentials.operatorId, credentials.pin);
  }

  /** A supervisor's badge or PIN for one action (`action` in words); the same lock as signing in. */
  async approve(approval: SignInCredentials, action: string): Promise<SignedInOperator> {
    const approver = await this.authenticate(approval);
    if (approver.role !== 'supervisor') throw supervisorRequired(action, approver.name);
    return approver;
  }

  /** The signed-in operator as the store says now (name, role), or undefined when they may no longer work here. */
  async current(operator: SignedInOperator): Promise<SignedInOperator | undefined> {
    if (operator.demo) return this.demoAvailable(await this.store.list()) ? operator : undefined;
    const stored = await this.store.get(operator.id);
    return stored?.active ? signedIn(stored) : undefined;
  }

  /** Only while no operator exists (and the environment presets none): the station's first supervisor. */
  async createFirstSupervisor(input: NewOperator): Promise<SignedInOperator> {
    await this.presetIfPending();
    if ((await this.store.list()).length > 0) throw firstSupervisorExists();
    const record = await this.newRecord({ ...input, role: 'supervisor' }, 'first start');
    this.check(await this.store.insert(record), record.name);
    this.log('operators: first supervisor created');
    return signedIn(record);
  }

  async list(): Promise<OperatorView[]> {
    const now = this.now().getTime();
    return (await this.store.list()).map((o) => view(o.lockedUntil && Date.parse(o.lockedUntil) <= now ? { ...o, lockedUntil: null } : o));
  }

  async add(input: NewOperator, by: string): Promise<OperatorView> {
    const record = await this.newRecord(input, by);
    this.check(await this.store.insert(record), record.name);
    return view(record);
  }

  async update(changes: OperatorChanges, by: string): Promise<OperatorView> {
    const before = await this.store.get(changes.operatorId);
    if (!before) throw operatorNotFound();
    const update: OperatorUpdate = { updatedAt: this.stamp(), updatedBy: by };
    if (changes.name !== undefined) update.name = changes.name;
    if (changes.role !== undefined) update.role = changes.role;
    if (changes.active !== undefined) update.active = changes.active;
    if (changes.pin !== undefined) {
      update.pinHash = await hashSecret(changes.pin, this.cost);
      update.failedPins = 0;
      update.lockedUntil = null;
    } else if (changes.removePin) update.pinHash = null;
    if (changes.badge !== undefined) update.badgeLookup = changes.badge === null ? null : await this.lookup(changes.badge);
    const after = { ...before, ...update };
    if (after.pinHash === null && after.badgeLookup === null) throw needsSecret();
    const wasSupervisor = before.role === 'supervisor' && before.active;
    if (wasSupervisor && (after.role !== 'supervisor' || !after.active)) {
      const others = (await this.store.list()).filter((o) => o.id !== before.id && o.role === 'supervisor' && o.active);
      if (others.length === 0) throw lastSupervisor();
    }
    this.check(await this.store.update(before.id, update), after.name);
    return view(after);
  }

  async unlock(operatorId: string, by: string): Promise<OperatorView> {
    const before = await this.store.get(operatorId);
    if (!before) throw operatorNotFound();
    const update: OperatorUpdate = { lockedUntil: null, failedPins: 0, updatedAt: this.stamp(), updatedBy: by };
    await this.store.update(operatorId, update);
    this.log(`operators: ${before.name} unlocked by ${by}`);
    return view({ ...before, ...update });
  }

  private async byBadge(badge: string): Promise<SignedInOperator> {
    const paused = this.badges.pausedTill();
    if (paused) throw badgesPaused(paused);
    const all = await this.store.list();
    const demo = this.demoAvailable(all) && DEMO_USERS.find((u) => u.badge === badge);
    if (demo) return demoOperator(demo);
    const found = await this.store.findByBadge(await this.lookup(badge));
    if (!found) {
      if (this.badges.unknown()) {
        this.log('operators: badge sign-in paused after too many unknown badges');
        throw badgesPaused(this.badges.pausedTill()!);
      }
      throw badgeUnknown();
    }
    if (!found.active) throw operatorInactive(found.name);
    return signedIn(found);
  }

  private async byPin(operatorId: string, pin: string): Promise<SignedInOperator> {
    if (isDemoId(operatorId)) {
      const user = this.demoAvailable(await this.store.list()) && DEMO_USERS.find((u) => u.id === operatorId);
      if (!user) throw operatorNotFound();
      if (user.pin !== pin) throw wrongPin(user.name, LOCK_AFTER_WRONG_PINS);
      return demoOperator(user);
    }
    const found = await this.store.get(operatorId);
    if (!found) throw operatorNotFound();
    if (!found.active) throw operatorInactive(found.name);
    if (this.isLocked(found)) throw operatorLocked(found.name, found.lockedUntil!);
    if (!found.pinHash) throw noPin(found.name);
    if (await verifySecret(pin, found.pinHash)) {
      if (found.failedPins > 0) await this.store.clearWrongPins(found.id);
      return signedIn(found);
    }
    const lockUntil = new Date(this.now().getTime() + LOCK_MINUTES * 60_000).toISOString();
    const counted = await this.store.countWrongPin(found.id, LOCK_AFTER_WRONG_PINS, lockUntil);
    if (counted && this.isLocked(counted)) {
      this.log(`operators: ${found.name} locked after ${LOCK_AFTER_WRONG_PINS} wrong PINs`);
      throw operatorLocked(found.name, counted.lockedUntil!);
    }
    throw wrongPin(found.name, LOCK_AFTER_WRONG_PINS - (counted?.failedPins ?? found.failedPins + 1));
  }

  private isLocked(operator: StoredOperator): boolean {
    return operator.lockedUntil !== null && Date.parse(operator.lockedUntil) > this.now().getTime();
  }

  private demoAvailable(all: readonly StoredOperator[]): boolean {
    return this.deps.provider() === 'sandbox' && all.length === 0;
  }

  private async presetIfPending(): Promise<void> {
    if (this.preset) await this.ensurePreset();
  }

  private async lookup(badge: string): Promise<string> {
    return badgeLookup(badge, await this.store.badgeKey(() => newBadgeKey(this.cost)));
  }

  private async newRecord(input: NewOperator, by: string): Promise<StoredOperator> {
    if (input.pin === undefined && input.badge === undefined) throw needsSecret();
    const at = this.stamp();
    return {
      id: randomUUID(),
      name: input.name,
      role: input.role,
      active: true,
      pinHash: input.pin === undefined ? null : await hashSecret(input.pin, this.cost),
      badgeLookup: input.badge === undefined ? null : await this.lookup(input.badge),
      failedPins: 0,
      lockedUntil: null,
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
    };
  }

  private check(result: WriteResult, name: string): void {
    if (result === 'name_taken') throw nameTaken(name);
    if (result === 'badge_taken') throw badgeTaken();
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

function signedIn(operator: StoredOperator): SignedInOperator {
  return { id: operator.id, name: operator.name, role: operator.role, demo: false };
}

function view(operator: StoredOperator): OperatorView {
  return {
    id: operator.id,
    name: operator.name,
    role: operator.role,
    active: operator.active,
    hasPin: operator.pinHash !== null,
    hasBadge: operator.badgeLookup !== null,
    lockedUntil: operator.lockedUntil,
    createdAt: operator.createdAt,
    createdBy: operator.createdBy,
    updatedAt: operator.updatedAt,
    updatedBy: operator.updatedBy,
  };
}
