/** The order cannot be split here: why, and how to get the provider's line items. */
export function SourceRefusal({ refusal }: { refusal: { title: string; how: string } }) {
  return (
    <section className="outcome outcome-bad split-refusal" data-testid="split-refused" role="alert">
      <div className="outcome-body">
        <h2 className="outcome-title">Cannot split this order here — nothing can be bought</h2>
        <p className="split-refusal-title">{refusal.title}</p>
        <p className="panel-text">
          <strong>How to get them: </strong>
          {refusal.how}
        </p>
      </div>
    </section>
  );
}
