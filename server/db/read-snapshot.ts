import type { Kysely, Transaction } from 'kysely';
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
