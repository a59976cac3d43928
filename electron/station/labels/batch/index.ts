/** Batches of orders: bought and printed back to back through the scan job, within the provider's rate. */
export { BatchRunner, entryUpdate, type BatchRunnerDeps } from './batch-runner';
export { batchConcurrency } from './batch-concurrency';
