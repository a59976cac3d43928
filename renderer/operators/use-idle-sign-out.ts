/**
 * Signs the operator out after the minutes set in Settings without a key, a click or a scan, so a
 * station left alone does not print under someone else's name. 0 turns it off.
 */
import { useEffect } from 'react';
import { station } from '../api/station';
import { watchIdle } from './idle-watch';

export function useIdleSignOut(minutes: number, signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn) return;
    return watchIdle(window, minutes, () => void station.signOut({}));
  }, [minutes, signedIn]);
}
