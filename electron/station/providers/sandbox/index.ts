export { createSandboxProvider } from './sandbox-provider';
export { renderSandboxLabelPdf } from './sandbox-label-pdf';
export { sandboxTrackingNumber, sandboxLabelId } from './sandbox-identity';
