/** Where the station keeps its history, and whether a fleet's shared database can be reached. */
import { z } from 'zod';

export const DatabaseStatus = z.object({
  /** 'local': this station's own SQLite; 'fleet': the warehouse's shared PostgreSQL. */
  mode: z.enum(['local', 'fleet']),
  /** Always true for 'local'. While false, nothing is bought; reprints use the station's own copy. */
  reachable: z.boolean(),
  /** Said to the packer next to the printer's light. */
  message: z.string(),
  /** Writes made while the database was unreachable, still to be sent to it. */
  pendingWrites: z.number().int().min(0),
});
export type DatabaseStatus = z.infer<typeof DatabaseStatus>;
