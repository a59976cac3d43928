/** Why a label is printed again: asked at every reprint and kept on its print attempts. */
import { z } from 'zod';

/** The short list a packer picks from with one key; anything else is typed after "Other…". */
export const REPRINT_REASONS = ['Label damaged', 'Printer jammed', 'Wrong printer'] as const;

export const ReprintReason = z
  .string()
  .trim()
  .min(3, 'Say why the label is printed again (at least 3 characters).')
  .max(200, 'Keep the reason under 200 characters.')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'The reason cannot contain control characters.');

/** At most this many labels are reprinted in one selection. */
export const MAX_REPRINT_SELECTION = 100;
