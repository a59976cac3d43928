/**
 * The Batch screen (F7 from Scan): paste order IDs or Shopify numbers (one per line) or scan a batch
 * barcode, Enter to start (Shift+Enter for a new line); P pauses and resumes; a progress bar, one
 * row per order with its outcome, and the summary of what failed and why.
 */
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { BatchView } from '../../shared/domain/batches';
import { batchQuery, batchesQuery, useBatchEvents, usePauseResumeBatch, useStartBatch } from '../api/batches';
import { toProblem } from '../api/problem';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { ProblemBox } from '../ui/ProblemBox';
import type { Problem } from '../../shared/errors';
import { entryWords, isBatchBarcode, PAUSE_KEY, pastedCount, progressPercent, STATE_WORDS, summaryLine, doneCount } from './batch-words';

export function BatchScreen() {
  useBatchEvents();
  const [text, setText] = useState('');
  const [batchId, setBatchId] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const listRef = useRef<HTMLTextAreaElement>(null);
  const start = useStartBatch();
  const pauseResume = usePauseResumeBatch();
  const approved = useApprovedCall();
  const batches = useQuery(batchesQuery());
  // Opening the screen shows the batch still going (or paused by a restart), if there is one.
  const shownId = batchId ?? batches.data?.find((b) => b.state !== 'done')?.id ?? null;
  const batch = useQuery({ ...batchQuery(shownId ?? ''), enabled: shownId !== null });
  const view = shownId ? batch.data : undefined;

  useEffect(() => listRef.current?.focus(), []);

  const startBatch = async () => {
    if (pastedCount(text) === 0 || start.isPending) return;
    setProblem(null);
    const input = isBatchBarcode(text) ? { kind: 'barcode' as const, barcode: text.trim() } : { kind: 'list' as const, text };
    try {
      const started = await approved('buy a batch of orders', (approval) => start.mutateAsync({ input, ...(approval && { approval }) }));
      if (!started) return;
      setBatchId(started.id);
      setText('');
    } catch (error) {
      setProblem(toProblem(error));
    }
  };

  const togglePause = async () => {
    if (!view || view.state === 'done' || pauseResume.isPending) return;
    setProblem(null);
    try {
      await pauseResume.mutateAsync({ batchId: view.id, pause: view.state === 'running' });
    } catch (error) {
      setProblem(toProblem(error));
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target === listRef.current) return;
      if (e.key.toLowerCase() === PAUSE_KEY && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        void togglePause();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const lines = pastedCount(text);
  return (
    <div className="batch-screen screen-pad" data-testid="batch-screen">
      <section className="batch-input panel">
        <h2>New batch</h2>
        <label htmlFor="batch-list" className="batch-help">
          Paste TikTok order IDs or Shopify order numbers, one per line, or scan a batch barcode (BATCH:…). <kbd>Enter</kbd> starts,{' '}
          <kbd>Shift</kbd>+<kbd>Enter</kbd> adds a line.
        </label>
        <textarea
          id="batch-list"
          ref={listRef}
          className="batch-list text-input"
          data-testid="batch-list"
          data-accepts-scan
          rows={8}
          value={text}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void startBatch();
            }
          }}
        />
        <div className="batch-input-row">
          <span className="batch-count" data-testid="batch-pasted">
            {isBatchBarcode(text) ? 'Batch barcode' : `${lines} order${lines === 1 ? '' : 's'}`}
          </span>
          <button
            className="button"
            type="button"
            disabled={lines === 0 || start.isPending}
            onClick={() => void startBatch()}
            data-testid="batch-start"
          >
            {start.isPending ? 'Starting…' : 'Start batch'} <kbd>Enter</kbd>
          </button>
        </div>
        {problem && <ProblemBox problem={problem} />}
      </section>
      {view ? <BatchProgress view={view} onToggle={() => void togglePause()} busy={pauseResume.isPending} /> : <NoBatch />}
    </div>
  );
}

function NoBatch() {
  return (
    <section className="batch-progress panel batch-empty" data-testid="batch-empty">
      <p>No batch running. Labels of a batch are bought several at a time, as fast as the provider allows, and print in list order.</p>
    </section>
  );
}

function BatchProgress({ view, onToggle, busy }: { view: BatchView; onToggle: () => void; busy: boolean }) {
  const percent = progressPercent(view.counts);
  const failed = view.entries.filter((e) => e.state === 'failed');
  return (
    <section className="batch-progress panel" data-testid="batch-progress" data-state={view.state}>
      <div className="batch-head">
        <h2>{view.name}</h2>
        <span className={`batch-state batch-state-${view.state}`} data-testid="batch-state">
          {STATE_WORDS[view.state]}
        </span>
        {view.state !== 'done' && (
          <button className="button button-secondary" type="button" onClick={onToggle} disabled={busy} data-testid="batch-pause">
            {view.state === 'running' || view.state === 'pausing' ? 'Pause' : 'Resume'} <kbd>P</kbd>
          </button>
        )}
      </div>
      {view.note && view.state === 'paused' && <p className="batch-note">{view.note}</p>}
      <div
        className="batch-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={view.counts.total}
        aria-valuenow={doneCount(view.counts)}
        data-testid="batch-bar"
      >
        <div className="batch-bar-fill" style={{ width: `${percent}%` }} />
        <span className="batch-bar-text">
          {doneCount(view.counts)} of {view.counts.total} ({percent} %)
        </span>
      </div>
      <p className="batch-summary" data-testid="batch-summary">
        {summaryLine(view.counts)}
      </p>
      {failed.length > 0 && view.state === 'done' && (
        <div className="batch-failed" data-testid="batch-failed">
          <h3>Failed: what to do</h3>
          <ul>
            {failed.map((e) => (
              <li key={e.position}>
                Line {e.position} ({e.orderId ?? e.scan}): {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="batch-table-wrap">
        <table className="batch-table" data-testid="batch-table">
          <thead>
            <tr>
              <th>#</th>
              <th>Scan</th>
              <th>Order</th>
              <th>Outcome</th>
              <th>Tracking / why</th>
            </tr>
          </thead>
          <tbody>
            {view.entries.map((entry) => (
              <tr key={entry.position} className={`batch-row batch-row-${entry.state}`} data-testid="batch-row" data-state={entry.state}>
                <td>{entry.position}</td>
                <td className="mono">{entry.scan}</td>
                <td className="mono">{entry.orderId ?? ''}</td>
                <td className="batch-outcome">{entryWords(entry)}</td>
                <td>{entry.state === 'bought' || entry.state === 'already_labelled' ? (entry.tracking ?? '') : entry.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
