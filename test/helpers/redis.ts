// Starts a throwaway Redis server for a test: a free loopback port, no persistence, stopped (and restartable, empty) on demand.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./postgres.js";

export interface RedisServer {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Kill the server (SIGKILL: whatever it held is gone) and start a new, empty one on the same port. */
  restart(): Promise<void>;
  /** Kill it and wait until it is gone. */
  kill(): Promise<void>;
  /** Start it again after kill(), empty. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The redis-server binary: on PATH or in /usr/bin, where Debian's redis-server package puts it. */
export function findRedisServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(":").filter(Boolean), "/usr/bin", "/usr/local/bin"];
  return dirs.map((d) => join(d, "redis-server")).find((p) => existsSync(p));
}

/** Whether Redis tests may be skipped here: only when redis-server is absent and KG_SKIP_REDIS=1 says so; otherwise a missing server is a failure, as in CI. */
export const skipRedis = !findRedisServer() && process.env.KG_SKIP_REDIS === "1";

export async function startRedis(): Promise<RedisServer> {
  const bin = findRedisServer();
  if (!bin) throw new Error("Redis is not installed: no redis-server on PATH or in /usr/bin (apt-get install redis-server; set KG_SKIP_REDIS=1 to skip these tests)");
  const dir = mkdtempSync(join(tmpdir(), "kgraph-redis-"));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "no"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const r = spawnSync(join(bin, "..", "redis-cli"), ["-p", String(port), "ping"], { encoding: "utf8" });
      if (r.stdout?.trim() === "PONG") return;
      if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer within 15 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once("exit", () => resolve());
      c.kill("SIGKILL");
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    async restart() {
      await kill();
      await start();
    },
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
