import { useScanQueue } from '../state/scan-queue';

/** The scans waiting behind the one being bought, in the order they will be made. */
export function ScanQueuePanel() {
  const queued = useScanQueue((s) => s.queued);
  const remove = useScanQueue((s) => s.remove);
  if (queued.length === 0) return null;
  return (
    <section className="scan-queue" data-testid="scan-queue" aria-label="Scans waiting">
      <h2 className="scan-queue-title">Next {queued.length === 1 ? 'scan' : `${queued.length} scans`} — made in this order, each once</h2>
      <ol className="scan-queue-list">
        {queued.map((q, i) => (
          <li key={q.id} className="scan-queue-item" data-testid="queued-scan">
            <span className="scan-queue-pos">{i + 1}</span>
            <span className="mono">{q.scan}</span>
            {q.parcel?.boxName && <span className="muted"> · {q.parcel.boxName}</span>}
            <button className="button button-small button-secondary" type="button" onClick={() => remove(q.id)}>
              Do not make
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
