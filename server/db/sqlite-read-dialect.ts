import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { UntypedDb } from './schema';

/*
 * A Kysely dialect for reading a SQLite file from a worker thread (sqlite-read-worker.mjs):
 * a second connection, so with WAL a stats query reads its own snapshot while the main
 * connection keeps taking uploads, and on another thread, so the query does not hold the
 * event loop. One connection: queries (and a transaction's statements) run one at a time.
 */
export class SqliteReadDialect implements Dialect {
  constructor(private readonly file: string) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new WorkerDriver(this.file);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: UntypedDb) {
    return new SqliteIntrospector(db);
  }
}

class WorkerDriver implements Driver {
  private worker?: Worker;
  private connection?: WorkerConnection;
  private queue: Promise<void> = Promise.resolve();
  private release?: () => void;

  constructor(private readonly file: string) {}

  async init(): Promise<void> {
    this.worker = new Worker(new URL('./sqlite-read-worker.mjs', import.meta.url), { workerData: { file: this.file } });
    // A crashed worker must not keep the process alive or leave callers waiting forever.
    this.worker.unref();
    this.connection = new WorkerConnection(this.worker);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.release = release;
    return this.connection!;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }
  async destroy(): Promise<void> {
    this.connection?.failAll(new Error('the read connection was closed'));
    await this.worker?.terminate();
  }
}

interface Pending {
  resolve: (result: QueryResult<unknown>) => void;
  reject: (error: Error) => void;
}

class WorkerConnection implements DatabaseConnection {
  private next = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: { id: number; rows?: unknown[]; changes?: number; error?: { message: string; code?: string } }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) {
        waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      } else {
        waiting.resolve({
          rows: message.rows ?? [],
          ...(message.changes !== undefined ? { numAffectedRows: BigInt(message.changes) } : {}),
        });
      }
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('the read connection stopped')));
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const id = this.next++;
    return new Promise<QueryResult<R>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: QueryResult<unknown>) => void, reject });
      // Active while a query is out, so a pending read keeps the process alive.
      this.worker.ref();
      this.worker.postMessage({ id, sql: compiledQuery.sql, parameters: compiledQuery.parameters });
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the read connection does not stream');
  }

  failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
