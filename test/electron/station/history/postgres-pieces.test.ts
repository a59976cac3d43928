import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFleetDatabase, type FleetDatabase } from '../../../../electron/station/history/database';
import { sql } from 'kysely';
import { postgresDigitPieces, postgresPieces } from '../../../../electron/station/history/postgres-pieces';
import { digitPieceKeys, piecesOf, weekKey } from '../../../../electron/station/history/word-pieces';
import { seedPostgresAt, USPS_MAILER } from '../../../support/history-seed';
import { freshPostgresDatabase } from '../../../support/postgres-database';

describe('the pieces a PostgreSQL search looks up', () => {
  it('cuts a string into its distinct 4-character pieces, by character', () => {
    expect(piecesOf('zoë 1z9')).toEqual(['zoë ', 'oë 1', 'ë 1z', ' 1z9']);
    expect(piecesOf('7777777')).toEqual(['7777']);
    expect(piecesOf('576')).toEqual([]);
  });

  describe('on a history whose labels mostly share a USPS mailer ID', () => {
    let fleet: FleetDatabase;
    beforeAll(async () => {
      const url = await freshPostgresDatabase('pieces');
      fleet = await openFleetDatabase(url);
      await seedPostgresAt(url, 3000, 'ANALYZE labels');
    }, 120_000);
    afterAll(() => fleet?.close());

    it('asks for the rare pieces of 13 digits, never the mailer ID’s (in most labels: long lists read for nothing)', async () => {
      const q = `${USPS_MAILER}57`;
      const asked = await postgresPieces(fleet.db, q, 1000);
      const mailers = new Set(piecesOf(USPS_MAILER));
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.length).toBeLessThanOrEqual(8);
      for (const piece of asked) {
        expect(piecesOf(q)).toContain(piece);
        expect(mailers.has(piece)).toBe(false);
      }
    });

    it('asks for more rare pieces than SQLite’s three when a string has them (each leaves fewer labels to read and test)', async () => {
      const random = '4836201957318'; // 13 digits with no piece in most labels
      const asked = await postgresPieces(fleet.db, random, 1000);
      expect(asked.length).toBeGreaterThan(3);
      expect(asked.length).toBeLessThanOrEqual(8);
      for (const piece of asked) expect(piecesOf(random)).toContain(piece);
    });

    it('asks for no piece when even the rarest is in a tenth of the labels or more, however few labels that is (the words alone are walked newest first)', async () => {
      expect(await postgresPieces(fleet.db, USPS_MAILER.slice(2, 10), 1000)).toEqual([]);
      // The mailer ID's last 7 digits and a 0: its rarest piece ("9920") is in a fifth of 3,000 labels.
      expect(await postgresPieces(fleet.db, `${USPS_MAILER.slice(4)}0`, 1_000_000)).toEqual([]);
    });

    it('asks for a piece in fewer than a tenth of the labels only while the labels holding it are few enough to read and test', async () => {
      // "9924": the number after the mailer ID starting 4 (40-42 of 00-42), in about 7 % of the labels.
      const q = `${USPS_MAILER.slice(4)}4`;
      expect(await postgresPieces(fleet.db, q, 1000)).toContain('9924');
      expect(await postgresPieces(fleet.db, q, 100)).toEqual([]);
    });

    it("keys each label's week as labels_digit_pieces does, a later time never in an earlier week", async () => {
      const words = '576123456789012345 #1001 ana ["9400111899200123456789"]';
      const times = [
        '2025-12-24T23:59:59.999Z',
        '2025-12-30T10:00:00.000Z',
        '2025-12-31T23:59:59.999Z',
        '2026-01-01T00:00:00.000Z',
        '2026-01-07T12:00:00.000Z',
        '2026-01-08T00:00:00.000Z',
        '2026-02-28T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
        '2026-12-07T09:30:00.000Z',
        'not a time',
      ];
      const weeks: number[] = [];
      for (const at of times) {
        const { rows } = await sql<{ keys: number[] }>`SELECT label_digit_pieces_weekly(${words}, ${at}) AS keys`.execute(fleet.db);
        const week = weekKey(at);
        expect([...rows[0]!.keys].sort((a, b) => a - b)).toEqual([week, ...digitPieceKeys(words).map(Number)].sort((a, b) => a - b));
        weeks.push(-week);
      }
      const inOrder = weeks.slice(0, -1);
      expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));
      expect(new Set(inOrder).size).toBeGreaterThan(5);
      // Week keys are negative: no 8-digit piece's key is ever one.
      expect(weekKey(times[0]!)).toBeLessThan(0);
      expect(weekKey('not a time')).toBe(0);
    });

    it('keys each 8-digit piece as labels_digit_pieces does, and asks none that most labels hold', async () => {
      for (const words of ['576123456789012345 #1001 ana ["9400111899200123456789","1z12345678"]', '1234567 a 00000000x99999999', 'ana']) {
        const { rows } = await sql<{ keys: number[] }>`SELECT label_digit_pieces(${words}) AS keys`.execute(fleet.db);
        expect([...rows[0]!.keys].sort((a, b) => a - b)).toEqual(
          digitPieceKeys(words)
            .map(Number)
            .sort((a, b) => a - b),
        );
      }
      expect(digitPieceKeys('1234567 x 7654321')).toEqual([]);
      // The mailer ID's first 8 digits: listed by ANALYZE in three quarters of the labels, too many to count by.
      expect(await postgresDigitPieces(fleet.db, USPS_MAILER.slice(0, 8))).toEqual({ find: [], count: [], share: expect.any(Number) });
      expect((await postgresDigitPieces(fleet.db, USPS_MAILER.slice(0, 8))).share).toBeGreaterThan(0.5);
      // A number no label holds: its keys are not listed, so rare.
      expect(await postgresDigitPieces(fleet.db, '4836201957318')).toEqual({
        find: expect.arrayContaining([digitPieceKeys('48362019')[0]]),
        count: [],
      });
    });
  });
});
