/** What the station's rooms hand to its log: a line for people and plain facts (ids, outcomes, counts) beside it. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Log = (line: string, fields?: LogFields) => void;
