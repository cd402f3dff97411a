// Starts a throwaway PostgreSQL server for a test: initdb into a temporary folder, a free loopback port, stopped and removed afterwards.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface PostgresServer {
  /** postgres://kg@127.0.0.1:PORT/DB of a database created for the test. */
  url: string;
  port: number;
  /** Create another empty database on the same server and return its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/** The folder holding initdb, pg_ctl and postgres: on PATH, else the newest Debian /usr/lib/postgresql/N/bin. */
export function findPostgresBin(): string | undefined {
  const dirs = (process.env.PATH ?? "").split(":").filter(Boolean);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => join(debian, v, "bin")));
  }
  return dirs.find((d) => ["initdb", "pg_ctl", "postgres"].every((b) => existsSync(join(d, b))));
}

/**
 * Whether PostgreSQL tests may be skipped here: only when the binaries are absent and
 * KG_SKIP_POSTGRES=1 says so; otherwise a missing server is a failure, as in CI.
 */
export const skipPostgres = !findPostgresBin() && process.env.KG_SKIP_POSTGRES === "1";

/** The unprivileged account the server runs as when the tests run as root (initdb refuses root). */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync("/etc/passwd", "utf8").split("\n").map((l) => l.split(":"));
  const entry = passwd.find((p) => p[0] === "postgres") ?? passwd.find((p) => p[0] === "nobody");
  if (!entry) throw new Error("tests run as root and there is neither a postgres nor a nobody account to run PostgreSQL as");
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Start a server and create the database `db`; throws, naming what is missing, when PostgreSQL is not installed. */
export async function startPostgres(db = "kgtest"): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed: no initdb, pg_ctl and postgres on PATH or in /usr/lib/postgresql/*/bin (set KG_SKIP_POSTGRES=1 to skip these tests)");
  const account = serverAccount();
  const dir = mkdtempSync(join(tmpdir(), "kgraph-pg-"));
  if (account) chownSync(dir, account.uid, account.gid);
  const data = join(dir, "data");
  const opts: SpawnSyncOptions = { encoding: "utf8", cwd: dir, ...(account ?? {}), env: { ...process.env, LC_ALL: "C" } };
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(join(bin, cmd), args, opts);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal}): ${r.stderr}${r.stdout}`);
  };
  let port = 0;
  const stop = () => {
    spawnSync(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], opts);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run("initdb", ["-D", data, "-U", "kg", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    // a port can be taken between freePort and the server's bind: try a few
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      const r = spawnSync(join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "60", "start"], opts);
      if (r.status === 0) break;
      if (attempt === 4) throw new Error(`pg_ctl start failed: ${r.stderr}${existsSync(join(dir, "log")) ? readFileSync(join(dir, "log"), "utf8") : ""}`);
    }
    const createDatabase = async (name: string) => {
      const client = new pg.Client({ host: "127.0.0.1", port, user: "kg", database: "postgres" });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `postgres://kg@127.0.0.1:${port}/${name}`;
    };
    const url = await createDatabase(db);
    return { url, port, createDatabase, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
