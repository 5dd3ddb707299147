import { FileType } from "basic-ftp";
import { describe, expect, test } from "vitest";
import { parseListing } from "@/lib/ftp/parse-list";

interface Expected {
  name: string;
  type: FileType;
  size?: number;
  raw?: string;
  link?: string;
}

const cases: Array<[string, string, Expected[]]> = [
  ["unix, time instead of year (vsftpd, numeric ids in a chroot)", "-rw-r--r--    1 2121     2121            3 Nov 24 11:42 hello.txt", [{ name: "hello.txt", type: FileType.File, size: 3, raw: "Nov 24 11:42" }]],
  ["unix, year instead of time", "-rw-r--r--    1 ftp      ftp          1024 Mar  3  2019 old file.txt", [{ name: "old file.txt", type: FileType.File, size: 1024, raw: "Mar  3 2019" }]],
  ["unix, character device: major, minor is no size", "crw-rw-rw-    1 root     root       1,   3 Jan  1  2020 null", [{ name: "null", type: FileType.Unknown, size: NaN }]],
  ["unix, block device", "brw-rw----    1 root     disk       8,   0 Jan  1 12:00 sda", [{ name: "sda", type: FileType.Unknown, size: NaN }]],
  ["unix, named pipe and socket", "prw-r--r--    1 root     root          0 Jan  1 12:00 fifo\nsrwxrwxrwx    1 root     root          0 Jan  1 12:00 sock", [{ name: "fifo", type: FileType.Unknown }, { name: "sock", type: FileType.Unknown }]],
  ["unix, ACL mark", "-rw-r--r--+   1 alice    staff          42 Feb 29 10:00 acl.txt", [{ name: "acl.txt", type: FileType.File, size: 42 }]],
  ["unix, leading and trailing spaces kept", "-rw-r--r--    1 ftp      ftp            10 Jan 10 10:10  leading and trailing ", [{ name: " leading and trailing ", type: FileType.File, size: 10 }]],
  ["unix, name with a leading dash", "-rw-r--r--    1 ftp      ftp            10 Jan 10 10:10 -rf --help", [{ name: "-rf --help", type: FileType.File }]],
  ["unix without a group column (older servers)", "-rw-r--r--   1 owner        1234 Jan  1 12:00 nogroup.txt", [{ name: "nogroup.txt", type: FileType.File, size: 1234 }]],
  ["wu-ftpd style folder with a year", "drwxr-xr-x   2 ftp      ftp          512 Dec 12  1999 pub", [{ name: "pub", type: FileType.Directory }]],
  ["unix symlink with a target holding spaces", "lrwxrwxrwx    1 0        0               8 Nov 24 11:42 link -> target dir", [{ name: "link", type: FileType.SymbolicLink, link: "target dir" }]],
  ["unix, upper-case month", "-rw-r--r--    1 1000     1000         5 JAN 01 2020 upper.txt", [{ name: "upper.txt", type: FileType.File, size: 5 }]],
  ["unix with a total line and an unparsable banner line", "total 8\n-rw-r--r--    1 a b 5 Jan  1  2020 kept.txt\nThis line is no listing at all", [{ name: "kept.txt", type: FileType.File, size: 5 }]],
  ["IIS/DOS folder, 12-hour clock", "11-24-26  10:26AM       <DIR>          My Folder", [{ name: "My Folder", type: FileType.Directory, raw: "11-24-26 10:26AM" }]],
  ["IIS/DOS file with spaces", "11-24-26  10:26PM                 1234 report 2026.pdf", [{ name: "report 2026.pdf", type: FileType.File, size: 1234 }]],
  ["IIS/DOS, four-digit year and 24-hour clock", "11-24-2026  22:26                 1234 four.txt", [{ name: "four.txt", type: FileType.File, size: 1234 }]],
  ["MLSD symlink fact (ProFTPD)", "type=OS.unix=slink:/etc/Target;modify=20240101000000;perm=r; linked", [{ name: "linked", type: FileType.SymbolicLink, link: "/etc/Target" }]],
  ["MLSD upper-case fact names and fractional seconds", "Type=file;Size=12;Modify=20240101120000.123;UNIX.mode=0644; upper facts.txt", [{ name: "upper facts.txt", type: FileType.File, size: 12 }]],
  ["MLSD upper-case type value", "type=Dir;modify=20240101120000; DirUpper", [{ name: "DirUpper", type: FileType.Directory }]],
  ["MLSD without a size fact", "type=file;modify=20240101120000; nosize", [{ name: "nosize", type: FileType.File, size: NaN }]],
  ["MLSD unknown facts and cdir/pdir dropped", "type=cdir;modify=20240101120000; .\ntype=pdir; ..\ntype=file;size=5;x.custom=a=b;unique=1A; custom.txt", [{ name: "custom.txt", type: FileType.File, size: 5 }]],
  ["MLSD name with a leading space", "type=file;size=1;  leading.txt", [{ name: " leading.txt", type: FileType.File, size: 1 }]],
];

describe("parseListing", () => {
  test.each(cases)("%s", (_title, raw, expected) => {
    const infos = parseListing(raw);
    expect(infos.map((i) => i.name)).toEqual(expected.map((e) => e.name));
    expected.forEach((e, index) => {
      const info = infos[index]!;
      expect(info.type).toBe(e.type);
      if (e.size !== undefined) expect(info.size).toBe(e.size);
      if (e.raw !== undefined) expect(info.rawModifiedAt).toBe(e.raw);
      if (e.link !== undefined) expect(info.link).toBe(e.link);
    });
  });

  test("an empty listing is empty", () => {
    expect(parseListing("\r\n")).toEqual([]);
  });
});
