import { useLabelPreview } from '../api/queries';
import { toProblem } from '../api/problem';

/** The label as the printer prints it (1-bit bitmap from the station). */
export function LabelPreview({ labelId, height = 360 }: { labelId: string; height?: number }) {
  const preview = useLabelPreview(labelId);
  if (preview.isPending)
    return (
      <div className="preview preview-empty" style={{ height, width: Math.round(height / 1.5) }}>
        Loading label…
      </div>
    );
  if (preview.isError) {
    return (
      <div className="preview preview-empty" style={{ height, width: Math.round(height / 1.5) }}>
        No preview: {toProblem(preview.error).message}
      </div>
    );
  }
  const { pngBase64, widthDots, heightDots } = preview.data;
  return (
    <img
      className="preview"
      data-testid="label-preview"
      src={`data:image/png;base64,${pngBase64}`}
      alt="Label preview"
      style={{ height, width: Math.round((height * widthDots) / heightDots) }}
    />
  );
}
