/**
 * Who is signed in (loaded once, then replaced by every `operatorSession` event), the sign-in
 * screen's choices, and the operator list Settings shows a supervisor.
 */
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperatorSession } from '../../shared/domain/operators';
import { station, useConnection } from './station';

export const operatorKeys = {
  session: ['operator-session'] as const,
  signInOptions: ['sign-in-options'] as const,
  list: ['operators'] as const,
};

export function useOperatorSession() {
  return useQuery({ queryKey: operatorKeys.session, queryFn: () => station.getOperatorSession({}), refetchInterval: 30_000 });
}

export function useSignInOptions() {
  return useQuery({ queryKey: operatorKeys.signInOptions, queryFn: () => station.getSignInOptions({}) });
}

export function useOperators(enabled: boolean) {
  return useQuery({ queryKey: operatorKeys.list, queryFn: () => station.listOperators({}), enabled });
}

/** Keeps the session up to date from the station's events; App calls it once for the whole page. */
export function useOperatorSessionEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offEvent = station.on('operatorSession', (session: OperatorSession) => {
      void queryClient.cancelQueries({ queryKey: operatorKeys.session, exact: true });
      queryClient.setQueryData(operatorKeys.session, session);
    });
    const offConnection = useConnection.subscribe((now, before) => {
      if (now.status === 'open' && before.status !== 'open') void queryClient.invalidateQueries({ queryKey: operatorKeys.session });
    });
    return () => {
      offEvent();
      offConnection();
    };
  }, [queryClient]);
}
