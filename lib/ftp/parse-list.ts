import "server-only";
import { FileType, parseList, type FileInfo } from "basic-ftp";

/** "facts; name": an MLSD line (basic-ftp's own test, plus the separator every server sends). */
const mlsdLine = /^[^\s=;]+=[^;]*;.*? /;
/** Unix `ls -l` of a device, pipe, socket or door: not a file, and devices show "major, minor" where the size goes. */
const specialUnixLine = /^[cbpsD][-rwxsStTlL]{9}[+.@]?\s/;
const plainTypes = new Set(["file", "dir", "cdir", "pdir"]);

/**
 * Parses a listing into basic-ftp FileInfo, sturdier than basic-ftp's parseList:
 * - LIST output is parsed line by line, so one odd line (a banner, an unknown format)
 *   is dropped instead of deciding the parser for every other line or failing the listing;
 * - device files, pipes and sockets are `Unknown` with no size (not files of "major" bytes);
 * - MLSD `type` values are case-insensitive (RFC 3659: "Dir" is a folder), and an entry
 *   without a size fact has no size (NaN) rather than 0.
 */
export function parseListing(raw: string): FileInfo[] {
  const lines = raw.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length === 0) return [];
  if (lines.every((line) => mlsdLine.test(line))) return parseMlsd(lines);
  return lines.flatMap(parseListLine);
}

function parseListLine(line: string): FileInfo[] {
  if (/^total\s+\d+\s*$/i.test(line)) return [];
  const special = specialUnixLine.test(line);
  // "1,   3" (major, minor) in the size column would shift every later column.
  const text = special ? line.replace(/\s(\d+),\s*(\d+)\s/, " 0 ") : line;
  let infos: FileInfo[];
  try {
    infos = parseList(text);
  } catch {
    return [];
  }
  if (special) {
    for (const info of infos) {
      info.type = FileType.Unknown;
      info.size = Number.NaN;
    }
  }
  return infos;
}

function parseMlsd(lines: string[]): FileInfo[] {
  const sized = new Set<string>();
  const normalised = lines.map((line) => {
    const split = line.indexOf("; ");
    const facts = line.slice(0, split + 1);
    const name = line.slice(split + 2);
    if (/(^|;)(size|sizd)=\d+;/i.test(facts)) sized.add(name);
    const lowered = facts.replace(/(^|;)type=([^;]*);/i, (all, lead: string, value: string) => (plainTypes.has(value.toLowerCase()) ? `${lead}type=${value.toLowerCase()};` : all));
    return `${lowered} ${name}`;
  });
  const infos = parseList(normalised.join("\n"));
  for (const info of infos) {
    if (!sized.has(info.name) && !info.isDirectory) info.size = Number.NaN;
  }
  return infos;
}
