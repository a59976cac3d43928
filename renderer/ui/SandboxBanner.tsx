export function SandboxBanner() {
  return (
    <div className="sandbox-banner" role="status" data-testid="sandbox-banner">
      <span className="sandbox-tag">SANDBOX</span> — labels are not real and must not be shipped
    </div>
  );
}
