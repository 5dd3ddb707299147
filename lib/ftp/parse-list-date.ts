import "server-only";

const months: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

/**
 * Parses the date text of a LIST line into a Date (taken as UTC: LIST does not
 * say the server's zone). Unix `ls` omits the year for dates within ~6 months,
 * so such a date that would lie more than a day in the future belongs to last year.
 * Returns undefined for text it does not understand.
 */
export function parseListDate(raw: string, now: Date = new Date()): Date | undefined {
  const text = raw.trim().replace(/\s+/g, " ");
  let m = /^([A-Za-z]{3}) (\d{1,2}) (\d{1,2}):(\d{2})$/.exec(text);
  if (m) {
    const month = months[m[1]!.toLowerCase()];
    if (month === undefined) return undefined;
    const day = Number(m[2]);
    const at = (year: number) => new Date(Date.UTC(year, month, day, Number(m![3]), Number(m![4])));
    let year = now.getUTCFullYear();
    // Within a day ahead is clock skew between zones; further ahead means last year.
    if (at(year).getTime() - now.getTime() > 86_400_000) year -= 1;
    // Feb 29 exists only in leap years: `ls` printed it, so it is the latest leap year not ahead.
    while (at(year).getUTCMonth() !== month && year > now.getUTCFullYear() - 8) year -= 1;
    return at(year).getUTCMonth() === month ? valid(at(year)) : undefined;
  }
  m = /^([A-Za-z]{3}) (\d{1,2}) (\d{4})$/.exec(text);
  if (m) {
    const month = months[m[1]!.toLowerCase()];
    return month === undefined ? undefined : exact(Number(m[3]), month, Number(m[2]));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) return exact(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  // DOS / IIS: 11-24-26 10:26AM or 11-24-2026 10:26
  m = /^(\d{2})-(\d{2})-(\d{2}|\d{4}) (\d{1,2}):(\d{2})(AM|PM)?$/i.exec(text);
  if (m) {
    let year = Number(m[3]);
    if (year < 100) year += year < 70 ? 2000 : 1900;
    let hour = Number(m[4]);
    const ampm = m[6]?.toUpperCase();
    if (ampm === "PM" && hour < 12) hour += 12;
    if (ampm === "AM" && hour === 12) hour = 0;
    return exact(year, Number(m[1]) - 1, Number(m[2]), hour, Number(m[5]));
  }
  return undefined;
}

function valid(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The date, or undefined when a field is out of range (Date.UTC would roll "13-45" into next year). */
function exact(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date | undefined {
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(Date.UTC(year, month, day, hour, minute, second));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day ? date : undefined;
}
