import { createServer, connect, type Server, type Socket } from "node:net";
import { Client } from "basic-ftp";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import * as listRoute from "@/app/api/fs/list/route";
import * as sessionRoute from "@/app/api/session/route";
import { activeConnectionsAccepted, applyActiveMode } from "@/lib/ftp/active-mode";
import { resetEnvForTests } from "@/lib/env";
import { apiRequest, embeddedFtp, errorOf, login } from "./helpers";

describe("active mode against the embedded server", () => {
  afterEach(() => {
    delete process.env.FTP_ACTIVE_ENABLED;
    resetEnvForTests();
  });

  test("lists through a data connection the server opens to Ferry", async () => {
    const cookie = await login({ transferMode: "active" });
    const before = activeConnectionsAccepted();
    const res = await listRoute.GET(apiRequest("GET", "/api/fs/list?path=/", { cookie }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { entries: Array<{ name: string }> };
    expect(body.entries.length).toBeGreaterThan(0);
    expect(activeConnectionsAccepted()).toBe(before + 1);
  });

  test("an admin can turn active mode off: such a login is refused with 403, passive still works", async () => {
    process.env.FTP_ACTIVE_ENABLED = "false";
    resetEnvForTests();
    const { host, port } = embeddedFtp();
    const refused = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host, port, user: "demo", password: "demo", transferMode: "active" } }));
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).message).toMatch(/Active mode is turned off/);
    expect(refused.headers.get("set-cookie")).toBeNull();
    await login({ transferMode: "passive" });
  });
});

/**
 * A scripted server for what a real one cannot do: a stranger (another loopback address)
 * races the server to Ferry's PORT before the server's own data connection.
 */
describe("active mode takes only the server's own data connection", () => {
  let server: Server;
  let port = 0;
  let strangerWasDropped: Promise<boolean>;
  let eprtPort = 0;

  beforeAll(async () => {
    let markDropped: (v: boolean) => void = () => undefined;
    strangerWasDropped = new Promise((r) => (markDropped = r));
    server = createServer((control: Socket) => {
      const reply = (line: string) => control.write(`${line}\r\n`);
      let target: { host: string; port: number } | undefined;
      reply("220 scripted");
      let buffered = "";
      control.on("data", (chunk) => {
        buffered += chunk.toString("latin1");
        let end: number;
        while ((end = buffered.indexOf("\r\n")) >= 0) {
          const line = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const [verb] = line.split(" ");
          if (verb === "PORT") {
            const n = line.slice(5).split(",").map(Number);
            target = { host: n.slice(0, 4).join("."), port: n[4]! * 256 + n[5]! };
            reply("200 PORT ok");
          } else if (verb === "EPRT") {
            // EPRT |2|::1|port|
            const [, , host, dataPort] = line.slice(5).split("|");
            target = { host: host!, port: Number(dataPort) };
            eprtPort = target.port;
            reply("200 EPRT ok");
          } else if (verb === "LIST" && target?.host === "::1") {
            const data = connect({ host: "::1", port: target.port }, () => {
              reply("150 here it comes");
              data.end("-rw-r--r-- 1 a b 5 Jan  1  2020 over-ipv6.txt\r\n", () => reply("226 done"));
            });
          } else if (verb === "LIST" && target) {
            const { host, port: dataPort } = target;
            // The stranger comes first, from 127.0.0.2: Ferry must close it without reading or writing.
            const stranger = connect({ host, port: dataPort, localAddress: "127.0.0.2" });
            let strangerConnected = false;
            stranger.on("connect", () => (strangerConnected = true));
            stranger.on("error", () => undefined);
            stranger.on("close", () => {
              // It got in (TCP accepted) and was then closed by Ferry, not refused outright.
              markDropped(strangerConnected);
              const data = connect({ host, port: dataPort, localAddress: "127.0.0.1" }, () => {
                reply("150 here it comes");
                data.end("-rw-r--r-- 1 a b 5 Jan  1  2020 real.txt\r\n", () => reply("226 done"));
              });
            });
          } else if (verb === "QUIT") {
            reply("221 bye");
            control.end();
          } else {
            reply(verb === "USER" ? "331 password" : verb === "PASS" ? "230 in" : "200 ok");
          }
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, "::", r));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => {
    server.close();
  });

  test("a connection from another address is dropped; the server's own is used", async () => {
    const client = new Client(5000);
    applyActiveMode(client, { listenAddress: "", publicAddress: "", portRange: undefined });
    try {
      await client.connect("127.0.0.1", port);
      await client.login("u", "p");
      const infos = await client.list();
      expect(infos.map((i) => i.name)).toEqual(["real.txt"]);
      expect(await strangerWasDropped).toBe(true);
    } finally {
      client.close();
    }
  });

  test("over IPv6 the server is told where to connect with EPRT", async () => {
    const client = new Client(5000);
    applyActiveMode(client, { listenAddress: "", publicAddress: "", portRange: [41900, 41999] });
    try {
      await client.connect("::1", port);
      await client.login("u", "p");
      expect((await client.list()).map((i) => i.name)).toEqual(["over-ipv6.txt"]);
      expect(eprtPort).toBeGreaterThanOrEqual(41900);
      expect(eprtPort).toBeLessThanOrEqual(41999);
    } finally {
      client.close();
    }
  });
});
