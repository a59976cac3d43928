/** Settings → Systems API: its status and tokens (one query), token create and revoke (supervisor). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiScope } from '../../shared/domain/systems-api';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { station } from './station';

export const systemsApiQuery = queryOptions({
  queryKey: ['systems-api'] as const,
  queryFn: () => station.getSystemsApi({}),
  refetchInterval: 30_000,
});

export function useSystemsApi() {
  return useQuery(systemsApiQuery);
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  return useMutation({
    mutationFn: (input: { name: string; scopes: ApiScope[] }) =>
      approved(SUPERVISOR_ACTION_WORDS.createApiToken, (approval) => station.createApiToken({ ...input, ...(approval && { approval }) })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: systemsApiQuery.queryKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  return useMutation({
    mutationFn: (tokenId: string) =>
      approved(SUPERVISOR_ACTION_WORDS.revokeApiToken, (approval) => station.revokeApiToken({ tokenId, ...(approval && { approval }) })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: systemsApiQuery.queryKey }),
  });
}
