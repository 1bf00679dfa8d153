import { openDatabase } from '../../../server/db/open-database';
import { adminQuery, startPostgresCluster } from './postgres-cluster';
import { POSTGRES_TEMPLATE_ENV, POSTGRES_URL_ENV } from './test-db';

/*
 * Once per test run of a `-pg` project: a throw-away PostgreSQL cluster on loopback, and a
 * migrated template database each test server's own database is copied from. Without
 * PostgreSQL the project fails, saying so: it never passes by running nothing.
 */
export default async function setup(): Promise<() => void> {
  const cluster = await startPostgresCluster();
  process.env[POSTGRES_URL_ENV] = cluster.adminUrl;
  const template = 'quiver_template';
  await adminQuery(cluster.adminUrl, `create database ${template}`);
  const db = await openDatabase(cluster.urlOf(template));
  await db.destroy();
  process.env[POSTGRES_TEMPLATE_ENV] = template;
  console.log(`PostgreSQL test cluster on 127.0.0.1:${cluster.port} (${cluster.dir})`);
  return () => cluster.stop();
}
