/** Waits until `condition` holds, asking every `everyMs`; throws after `timeoutMs` (bounded, never a timed assertion). */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
