export { createSandboxProvider, buildSandboxLabelData, type SandboxProviderOptions } from './sandbox-provider';
export { createSandboxLedger, SANDBOX_LEDGER_FILE, type SandboxLedger, type SandboxLedgerEntry } from './sandbox-ledger';
export { renderSandboxLabelPdf, itemsLine, SANDBOX_BANNER, SANDBOX_SERVICE_NAME, type SandboxLabelInput } from './sandbox-label-pdf';
export { sandboxTrackingNumber, sandboxLabelId, sandboxLabelUrl } from './sandbox-identity';
export { sandboxRecipientFor, sandboxSender, type LabelAddress } from './sandbox-addresses';
