/** A one-way fingerprint so a changed secret gets a new client without the secret itself being used as a cache key. */
export function fingerprint(secret: string): string {
  let hash = 2166136261;
  for (let i = 0; i < secret.length; i++) hash = Math.imul(hash ^ secret.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36);
}
