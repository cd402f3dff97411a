// `kg worker`: extract documents that `kg build --queue` enqueued, on this machine, into the shared store, until stopped.
import { KgError } from "../../errors.js";
import { startExtractionWorker, redisOptions } from "../../queue/index.js";
import { openStore, storeScheme } from "../../store/index.js";
import type { Command } from "../command.js";
import { parseCommandArgs } from "../io.js";

const HELP = `usage: kg worker --store postgres://USER@HOST:PORT/DB --queue redis://HOST:PORT [--concurrency N] [--name NAME] [--lock-duration SECONDS] [--rules-only] [--quiet]

Takes the extraction jobs that \`kg build --store URL --queue URL\` puts on the store's queue: reads
each document, extracts its entities and relations, writes them to the store in one transaction, and
acknowledges the job. Run one on each machine (one per core with --concurrency); it runs until it
is stopped. Ctrl-C or SIGTERM lets the documents in hand finish first; a second one stops at once,
and those jobs go back to the queue after --lock-duration for another worker.
--store and --queue default to the environment variables KG_STORE and KG_QUEUE.
--concurrency N reads N documents at once, each on its own thread (default 1).
--name NAME names this worker in the build's progress (default HOST:PID).
--lock-duration S: a job whose worker gives no sign of life for S seconds (default 30) goes back to
the queue; every worker checks for such jobs as often.
--rules-only serves builds run with --rules-only (a worker only takes jobs it extracts exactly as
the build would: the same kgraph, models and options).
Prints a line for each document that fails and a count every ten seconds.
Exit codes: 0 stopped; 2 bad arguments, a store or queue that cannot be reached, or a thread that died.`;

export const worker: Command = {
  summary: "extract the documents `kg build --queue` enqueues, into the shared PostgreSQL store",
  async run(argv) {
    const { values } = parseCommandArgs("worker", argv, {
      options: {
        store: { type: "string" },
        queue: { type: "string" },
        concurrency: { type: "string", default: "1" },
        name: { type: "string" },
        "lock-duration": { type: "string", default: "30" },
        "rules-only": { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(HELP + "\n");
      return 0;
    }
    const storeUrl = values.store ?? (process.env.KG_STORE || undefined);
    const queueUrl = values.queue ?? (process.env.KG_QUEUE || undefined);
    if (!storeUrl) throw new KgError("INVALID_ARGS", "kg worker: --store postgres://USER@HOST:PORT/DB is required (or KG_STORE): the store the builds read", { where: "--store" });
    if (!queueUrl) throw new KgError("INVALID_ARGS", "kg worker: --queue redis://HOST:PORT is required (or KG_QUEUE): where the builds put their jobs", { where: "--queue" });
    const scheme = storeScheme(storeUrl);
    if (scheme !== "postgres" && scheme !== "postgresql") {
      throw new KgError("INVALID_ARGS", `kg worker: --store must be a PostgreSQL URL (postgres://USER@HOST:PORT/DB) that the build and every worker share, not "${storeUrl}"`, { where: "--store" });
    }
    redisOptions(queueUrl, "--queue");
    const concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new KgError("INVALID_ARGS", `kg worker: --concurrency must be a positive integer, not "${values.concurrency}"`, { where: "--concurrency" });
    const lockSeconds = Number(values["lock-duration"]);
    if (!Number.isFinite(lockSeconds) || lockSeconds < 1) {
      throw new KgError("INVALID_ARGS", `kg worker: --lock-duration must be a number of seconds, at least 1, not "${values["lock-duration"]}"`, { where: "--lock-duration" });
    }
    if (values.name !== undefined && !/^[\w.:@-]{1,100}$/.test(values.name)) {
      throw new KgError("INVALID_ARGS", `kg worker: --name must be letters, digits and . : @ - _ (at most 100), not "${values.name}"`, { where: "--name" });
    }
    const log = (s: string) => values.quiet || process.stderr.write(s);

    // workers share the store: no build lock
    const store = await openStore(storeUrl, { exclusive: false });
    const counts = { extracted: 0, reused: 0, failed: 0 };
    let w;
    try {
      w = await startExtractionWorker({
        store,
        queue: queueUrl,
        concurrency,
        paths: { rulesOnly: values["rules-only"] },
        name: values.name,
        lockDurationMs: lockSeconds * 1000,
        onJob: (e) => {
          counts[e.outcome]++;
          if (e.outcome === "failed") process.stderr.write(`kg worker: ${e.document}: attempt ${e.attempt} failed: ${e.error}\n`);
        },
        onWarning: (m) => process.stderr.write(`${m}\n`),
      });
    } catch (err) {
      await store.close();
      throw err;
    }
    log(`kg worker ${w.name}: taking jobs from ${w.queue} for the store ${store.location} (extractor ${w.extractor.slice(0, 19)}…), ${concurrency} thread${concurrency === 1 ? "" : "s"}\n`);

    let shown = "";
    const status = setInterval(() => {
      const line = `kg worker ${w.name}: ${counts.extracted} extracted, ${counts.reused} already stored, ${counts.failed} failed attempts`;
      if (line !== shown) log(`${line}\n`);
      shown = line;
    }, 10_000);
    status.unref();

    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      if (++signals > 1) process.exit(130);
      log(`kg worker ${w.name}: ${signal}: finishing the documents in hand (again to stop at once)\n`);
      void w.close();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
      await w.stopped;
    } finally {
      clearInterval(status);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await store.close();
    }
    log(`kg worker ${w.name}: stopped after ${counts.extracted} extracted, ${counts.reused} already stored, ${counts.failed} failed attempts\n`);
    return 0;
  },
};
