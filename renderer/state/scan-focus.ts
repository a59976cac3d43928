/** Gives the focus back to the Scan screen's scan field (after a dialog closes), if it is on screen. */
export function focusScanField(): void {
  // After the dialog's own focus restore, which would otherwise win.
  setTimeout(() => document.getElementById('scan-input')?.focus(), 0);
}
