/**
 * Where each station's Station API listens (null while off), kept with the labels: in a fleet, a
 * label asked at one station for another named station is passed on to that station's address.
 */
import type { HistoryDatabase } from './database';

export class ApiStationTable {
  private readonly db: HistoryDatabase['db'];

  constructor(history: HistoryDatabase) {
    this.db = history.db;
  }

  async put(stationId: string, name: string, url: string | null, at: string): Promise<void> {
    await this.db
      .insertInto('api_stations')
      .values({ station_id: stationId, name, url, updated_at: at })
      .onConflict((oc) => oc.column('station_id').doUpdateSet({ name, url, updated_at: at }))
      .execute();
  }

  /** The address of the station with this name (any case), the most recently registered one first; undefined when none listens. */
  async urlOf(name: string): Promise<string | undefined> {
    const rows = await this.db
      .selectFrom('api_stations')
      .select(['name', 'url'])
      .where('url', 'is not', null)
      .orderBy('updated_at', 'desc')
      .execute();
    return rows.find((row) => row.name.toLowerCase() === name.toLowerCase())?.url ?? undefined;
  }
}
