/**
 * Loads pdfjs-dist's legacy (Node) build once, with its worker running in this thread (pdfjs's
 * "fake worker"; a label is one small page, a real worker would only add start-up time).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/** Folders pdfjs reads data from; resolved from this file, so any working directory works. */
export const pdfjsDataPaths = {
  // pdfjs requires the trailing slash.
  standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
  cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
  wasmUrl: join(pdfjsRoot, 'wasm') + '/',
};

const fileCache = new Map<string, Uint8Array>();

/**
 * pdfjs's binary-data factory with the files kept in memory: labels use the same standard fonts
 * every time, and reading and re-parsing them from disk per label costs more than rendering.
 */
export class CachedBinaryDataFactory {
  private readonly urls: Record<string, string | null>;
  constructor(urls: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.urls = { cMapUrl: urls.cMapUrl ?? null, standardFontDataUrl: urls.standardFontDataUrl ?? null, wasmUrl: urls.wasmUrl ?? null };
  }
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.urls[kind];
    if (!base) throw new Error(`pdfjs asked for ${kind} data, which is not configured`);
    const path = `${base}${filename}`;
    let bytes = fileCache.get(path);
    if (!bytes) {
      bytes = new Uint8Array(readFileSync(path));
      fileCache.set(path, bytes);
    }
    // pdfjs transfers (detaches) what it is given: hand out a copy.
    return bytes.slice();
  }
}

let loading: Promise<PdfjsModule> | undefined;

export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Handing pdfjs the worker module up front means it never has to import it by relative URL,
    // which breaks once the main process is bundled.
    // @ts-expect-error pdfjs-dist ships no typings for the worker entry.
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return pdfjs;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
