import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLabelPreview } from '../api/queries';
import { toProblem } from '../api/problem';

/**
 * How big: 'fill-height' takes the height its container stretches it to (the Scan screen's outcome
 * panel), 'fill-width' the width of its container (History's details); a number is a height in px.
 */
export type PreviewSize = 'fill-height' | 'fill-width' | number;

/**
 * The label exactly as the printer prints it: the 1-bit dots at the printer's dpi (a carrier's ZPL
 * label drawn by a ZPL renderer). Clicking it shows it as big as the window; any key closes that.
 */
export function LabelPreview({ labelId, size = 360 }: { labelId: string; size?: PreviewSize }) {
  const preview = useLabelPreview(labelId);
  const [zoomed, setZoomed] = useState(false);
  const ratio = preview.data ? preview.data.widthDots / preview.data.heightDots : 2 / 3;
  const fill = useRef<HTMLDivElement>(null);
  const [fillHeight, setFillHeight] = useState(0);

  useEffect(() => {
    const element = fill.current;
    if (size !== 'fill-height' || !element) return;
    const observer = new ResizeObserver(([entry]) => setFillHeight(Math.round(entry!.contentRect.height)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [size]);

  let content: React.ReactNode;
  if (preview.isPending) content = <div className="preview preview-empty">Loading label…</div>;
  else if (preview.isError) content = <div className="preview preview-empty">No preview: {toProblem(preview.error).message}</div>;
  else {
    const { pngBase64, widthDots, heightDots } = preview.data;
    const src = `data:image/png;base64,${pngBase64}`;
    content = (
      <>
        <button type="button" className="preview-button" onClick={() => setZoomed(true)} title="Show the label larger">
          <img className="preview" data-testid="label-preview" src={src} alt="Label preview" width={widthDots} height={heightDots} />
        </button>
        {zoomed && <PreviewZoom src={src} onClose={() => setZoomed(false)} />}
      </>
    );
  }

  if (size === 'fill-height') {
    return (
      // As tall as the panel, but never wider than 40% of it (the panel's own text must not wrap
      // into a taller panel and so a wider preview, round and round).
      <div className="preview-fill" ref={fill} style={{ width: `min(${Math.round(fillHeight * ratio)}px, 40cqw)` }}>
        <div className="preview-box preview-box-top" style={{ aspectRatio: ratio }}>
          {content}
        </div>
      </div>
    );
  }
  const style = size === 'fill-width' ? { width: '100%', aspectRatio: ratio } : { height: size, width: Math.round(size * ratio) };
  return (
    <div className="preview-box" style={style}>
      {content}
    </div>
  );
}

/** The label as tall as the window, its dots sharp; a click or any key closes it (a scan goes on to the scan field). */
function PreviewZoom({ src, onClose }: { src: string; onClose: () => void }) {
  const close = useRef(onClose);
  close.current = onClose;
  // Listening from the commit that shows the zoom (a layout effect, not a passive one that may run
  // after the first key), once, and in the capture phase, where no screen's own key handling can stop it.
  useLayoutEffect(() => {
    const onKey = () => close.current();
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <div className="preview-zoom" data-testid="label-preview-zoom" onClick={onClose} role="presentation">
      <img src={src} alt="Label preview, large" />
      <p className="preview-zoom-hint">Exactly what the printer prints · click or press any key to close</p>
    </div>
  );
}
