import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';
import { dialectOf } from './sql-dialect';

/**
 * Runs reads that must agree with each other in one transaction with one snapshot: PostgreSQL
 * at REPEATABLE READ, read only (its default, READ COMMITTED, takes a new snapshot per
 * statement); SQLite's read transactions always see one snapshot. Takes no lock a writer
 * waits for on either.
 */
export function inSnapshot<T>(db: Kysely<Database>, read: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  let transaction = db.transaction();
  if (dialectOf(db).kind === 'postgres') transaction = transaction.setIsolationLevel('repeatable read').setAccessMode('read only');
  return transaction.execute(read);
}

/**
 * Like inSnapshot, and where the database can share a snapshot between connections
 * (PostgreSQL's pg_export_snapshot), `alongside` runs at the same time on a second connection
 * of the same pool, seeing exactly the same data: a long read split in two, one answer. Where
 * it cannot (SQLite's single read connection), `alongside` runs after `read`, in the same
 * transaction. Heavy reads get room to sort in memory (work_mem) for their transaction only.
 */
export async function inSharedSnapshot<A, B>(
  db: Kysely<Database>,
  read: (trx: Transaction<Database>) => Promise<A>,
  alongside: (trx: Transaction<Database>) => Promise<B>,
): Promise<[A, B]> {
  if (dialectOf(db).kind !== 'postgres') return inSnapshot(db, async (trx) => [await read(trx), await alongside(trx)]);
  // Each such read holds two connections at once: never more of them at a time than the pool
  // has pairs, or two reads could each hold one connection and wait for a second forever.
  return pairsOf(db).run(() => sharedSnapshot(db, read, alongside));
}

/** Reads holding two connections, per pool: at most half its connections' worth at once. */
const PAIRS = new WeakMap<Kysely<Database>, Limiter>();

function pairsOf(db: Kysely<Database>): Limiter {
  let limiter = PAIRS.get(db);
  if (!limiter) PAIRS.set(db, (limiter = new Limiter(Math.max(1, Math.floor(readPoolSize(db) / 2)))));
  return limiter;
}

/** The pool size the read handle was opened with (server/db/open-database.ts); 2 if unknown. */
function readPoolSize(db: Kysely<Database>): number {
  return POOL_SIZES.get(db) ?? 2;
}

export const POOL_SIZES = new WeakMap<Kysely<Database>, number>();

class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

async function sharedSnapshot<A, B>(
  db: Kysely<Database>,
  read: (trx: Transaction<Database>) => Promise<A>,
  alongside: (trx: Transaction<Database>) => Promise<B>,
): Promise<[A, B]> {
  const snapshotTransaction = () => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only');
  return snapshotTransaction().execute(async (trx) => {
    const exported = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
    const id = exported.rows[0]!.id;
    await sql`set local work_mem = '256MB'`.execute(trx);
    // Started before `read` awaits anything, and awaited before this transaction ends: the
    // exported snapshot is only importable while its transaction is open.
    const second = snapshotTransaction().execute(async (side) => {
      await sql`set transaction snapshot ${sql.lit(id)}`.execute(side);
      await sql`set local work_mem = '256MB'`.execute(side);
      return alongside(side);
    });
    const first = await read(trx).catch(async (error: unknown) => {
      await second.catch(() => {});
      throw error;
    });
    return [first, await second];
  });
}
