/** The fleet database light in a packer's words, for the Scan screen and Settings. Pure. */
import type { DatabaseStatus } from '../../shared/domain/fleet';

export interface DatabaseLight {
  tone: 'good' | 'bad';
  /** The light's words ("Warehouse database"). */
  title: string;
  /** Said after the title on a green light: changes made while it was away, still being sent. */
  detail?: string;
  /** The station's own sentence: the tooltip, and the red light's text. */
  message: string;
  /** Red only: what the packer does meanwhile. */
  nextStep?: string;
}

const AWAY_MESSAGE = 'The warehouse database is not reachable: nothing can be bought. Reprints from this station still work.';

/** "3 changes", "1 change". */
export function changesWord(count: number): string {
  return `${count} change${count === 1 ? '' : 's'}`;
}

/** A station on its own history has no light: null. So has a station whose status is not known yet. */
export function databaseLight(status: DatabaseStatus | undefined): DatabaseLight | null {
  if (!status || status.mode !== 'fleet') return null;
  const message = status.message.trim();
  if (status.reachable) {
    return {
      tone: 'good',
      title: 'Warehouse database',
      ...(status.pendingWrites > 0 && { detail: `sending ${changesWord(status.pendingWrites)}` }),
      message: message || 'Warehouse database connected.',
    };
  }
  const waiting = status.pendingWrites > 0 ? ` ${changesWord(status.pendingWrites)} made here will be sent when the database is back.` : '';
  return {
    tone: 'bad',
    title: 'Warehouse database not reachable',
    message: message || AWAY_MESSAGE,
    nextStep: `Set each parcel aside and scan it again when this light is green. Tell a supervisor if it stays red.${waiting}`,
  };
}
