import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

/** CRC-32 of PNG chunks (zlib's crc32 needs Node 22). */
function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A small gradient PNG, so the demo has a real image without a binary file in the repo. */
export function gradientPng(width = 96, height = 64): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([Math.round((255 * x) / width), Math.round((255 * y) / height), 190], 1 + x * 3);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The sample tree of the demo and the tests: nested folders, text, an image, Korean and spaced names. */
export async function seedDemoTree(root: string): Promise<void> {
  const files: Record<string, string | Buffer> = {
    "README.txt": "Welcome to Ferry's demo FTP server.\nBrowse, open folders and go back with the breadcrumbs.\n",
    "한글 문서.txt": "안녕하세요. 이 파일은 한글 이름을 가진 예제 문서입니다.\n",
    "name with spaces.txt": "A file whose name has spaces.\n",
    "images/gradient.png": gradientPng(),
    "projects/website/index.html": "<!doctype html>\n<title>Demo</title>\n<h1>Hello from the demo server</h1>\n",
    "projects/website/style.css": "body { font-family: sans-serif; }\n",
    "projects/notes/2025/plan.md": "# Plan\n\n- Ship Ferry\n",
    "projects/notes/2025/empty.log": "",
    "문서/보고서.txt": "보고서 내용\n",
  };
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    await mkdir(join(full, ".."), { recursive: true });
    await writeFile(full, content);
  }
  await mkdir(join(root, "empty folder"), { recursive: true });
}
