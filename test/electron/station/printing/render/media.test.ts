import { describe, expect, it } from 'vitest';
import {
  mediaDots,
  mediaMillimetres,
  mediaPoints,
  MEDIA_SIZES,
  PRINT_HEAD_DOTS,
  stockDots,
} from '../../../../../electron/station/printing/render/media';

describe('media sizes', () => {
  it('keeps the 4x6 default for mediaDots(dpi)', () => {
    expect(mediaDots(203)).toEqual({ widthDots: 812, heightDots: 1218 });
    expect(mediaDots(300)).toEqual({ widthDots: 1200, heightDots: 1800 });
    expect(mediaDots(600)).toEqual({ widthDots: 2400, heightDots: 3600 });
  });

  it('knows 4x8, A6 (105 x 148 mm) and 100 x 150 mm at every dpi', () => {
    expect(MEDIA_SIZES).toEqual(['4x6', '4x8', 'a6', '100x150mm']);
    expect(mediaDots(203, '4x8')).toEqual({ widthDots: 812, heightDots: 1624 });
    expect(mediaDots(300, '4x8')).toEqual({ widthDots: 1200, heightDots: 2400 });
    expect(mediaDots(600, '4x8')).toEqual({ widthDots: 2400, heightDots: 4800 });
    expect(stockDots(203, 'a6')).toEqual({ widthDots: 839, heightDots: 1183 });
    expect(mediaDots(203, 'a6')).toEqual({ widthDots: 832, heightDots: 1183 });
    expect(mediaDots(300, 'a6')).toEqual({ widthDots: 1240, heightDots: 1748 });
    expect(mediaDots(203, '100x150mm')).toEqual({ widthDots: 799, heightDots: 1199 });
    expect(mediaDots(300, '100x150mm')).toEqual({ widthDots: 1181, heightDots: 1772 });
    expect(mediaMillimetres('a6')).toEqual({ widthMm: 105, heightMm: 148 });
    const pt = mediaPoints('4x6');
    expect([pt.widthPt, pt.heightPt].map(Math.round)).toEqual([288, 432]);
  });

  it('never lays a label out wider than a 4-inch print head, whatever the stock', () => {
    for (const dpi of [203, 300, 600] as const) {
      for (const media of MEDIA_SIZES) {
        expect(mediaDots(dpi, media).widthDots).toBeLessThanOrEqual(PRINT_HEAD_DOTS[dpi]);
        expect(mediaDots(dpi, media).heightDots).toBe(stockDots(dpi, media).heightDots);
      }
    }
    expect(mediaDots(600, 'a6').widthDots).toBe(2400);
  });

  it('refuses a resolution or stock it does not know', () => {
    expect(() => mediaDots(150 as never)).toThrow(RangeError);
    expect(() => mediaDots(203, 'letter' as never)).toThrow(RangeError);
  });
});
