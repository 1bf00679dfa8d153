import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, startPostgresCluster } from '../../server/support/postgres-cluster';

/*
 * The database a load step runs against: a SQLite file in a temp folder, or a database on a
 * throw-away PostgreSQL cluster started for the step, durable (fsync on) so the figures mean
 * what production gets. `remove()` stops the cluster and deletes everything.
 */
export interface LoadDatabase {
  kind: 'sqlite' | 'postgres';
  /** What `--db` takes. */
  target: string;
  remove(): Promise<void>;
}

export async function loadDatabase(kind: 'sqlite' | 'postgres'): Promise<LoadDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'quiver-load-'));
    return { kind, target: path.join(dir, 'quiver.db'), remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const cluster = await startPostgresCluster({ durable: true, settings: { shared_buffers: '512MB', max_wal_size: '4GB' } });
  const target = await createDatabase(cluster.adminUrl);
  // A step that crashes still removes its cluster (stop() is synchronous and idempotent).
  process.once('exit', () => cluster.stop());
  return { kind, target, remove: async () => cluster.stop() };
}
