/**
 * Both drivers must hand back the same JavaScript values for the same column types,
 * or code tested on PGlite would break on PostgreSQL. The differences that matter:
 * `pg` turns `date` into a local-midnight Date (off by a day east of UTC) and `int8` into a
 * string. We read dates as 'YYYY-MM-DD' strings and int8 as numbers (audit ids stay far
 * below 2^53) in both.
 */
export const DATE_OID = 1082;
export const INT8_OID = 20;

export const parseDate = (value: string): string => value;
export const parseInt8 = (value: string): number => Number(value);
