/** What a warehouse worker is told when signing in or approving goes wrong: never a PIN or badge. */
import { StationError } from '../../../../shared/errors';

export function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export const signInRequired = () =>
  new StationError(
    'sign_in_required',
    'Sign in first: nobody is signed in at this station.',
    'Scan your badge, or choose your name and type your PIN. Then scan the order again.',
  );

export const supervisorRequired = (action: string, who?: string) =>
  new StationError(
    'supervisor_required',
    who ? `${who} is not a supervisor. A supervisor must approve: ${action}.` : `A supervisor must approve: ${action}.`,
    'Ask a supervisor to scan their badge or type their PIN.',
  );

export const badgeUnknown = () =>
  new StationError(
    'badge_unknown',
    'That badge is not known at this station.',
    'Scan it again, or choose your name and type your PIN. A supervisor can set your badge in Settings.',
  );

export const badgesPaused = (untilIso: string) =>
  new StationError(
    'badges_paused',
    `Badge sign-in is paused until ${clock(untilIso)}: too many unknown badges were scanned in a minute.`,
    'Choose your name and type your PIN, or wait a minute and scan your badge again.',
  );

export const wrongPin = (name: string, triesLeft: number) =>
  new StationError(
    'wrong_pin',
    `Wrong PIN for ${name}. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left before the PIN locks for a few minutes.`,
    'Type the PIN again, or scan your badge.',
    { pin: ['Wrong PIN'] },
  );

export const noPin = (name: string) =>
  new StationError('wrong_pin', `${name} has no PIN.`, 'Scan your badge, or ask a supervisor to set a PIN in Settings.', {
    pin: ['No PIN set'],
  });

export const operatorLocked = (name: string, untilIso: string) =>
  new StationError(
    'operator_locked',
    `${name}'s PIN is locked after too many wrong PINs, until ${clock(untilIso)}.`,
    `Wait until ${clock(untilIso)}, scan your badge instead, or ask a supervisor to unlock it in Settings.`,
  );

export const operatorInactive = (name: string) =>
  new StationError(
    'operator_inactive',
    `${name} can no longer sign in at this station.`,
    'Ask a supervisor to make you active again in Settings.',
  );

export const operatorNotFound = () =>
  new StationError('operator_not_found', 'That name is not in the operator list any more.', 'Choose your name again from the list.');

export const nameTaken = (name: string) =>
  new StationError(
    'operator_name_taken',
    `An operator named ${name} already exists.`,
    'Use another name, e.g. with the initial of the last name.',
    {
      name: ['Already taken'],
    },
  );

export const badgeTaken = () =>
  new StationError('badge_taken', 'That badge already belongs to another operator.', 'Scan a different badge for this operator.', {
    badge: ['Already in use'],
  });

export const needsSecret = () =>
  new StationError(
    'operator_needs_secret',
    'An operator needs a PIN or a badge to sign in.',
    'Keep a PIN or a badge for this operator, or make them inactive instead.',
    { pin: ['Give a PIN or a badge'] },
  );

export const lastSupervisor = () =>
  new StationError(
    'last_supervisor',
    'This is the last active supervisor: without one, nobody could change Settings or approve anything.',
    'Make another operator a supervisor first.',
  );

export const firstSupervisorExists = () =>
  new StationError(
    'first_supervisor_exists',
    'The station already has operators.',
    'Sign in with your badge or PIN; a supervisor adds operators in Settings.',
  );
