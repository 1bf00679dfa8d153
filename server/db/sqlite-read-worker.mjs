// The SQLite read connection, on its own thread: better-sqlite3 is synchronous, so a long
// stats query on the main thread would stop the server answering anything, uploads included.
// Plain JavaScript so a worker can load it without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const db = new SQLite(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');

parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    const stmt = db.prepare(sql);
    if (stmt.reader) {
      parentPort.postMessage({ id, rows: stmt.all(parameters) });
    } else {
      const { changes } = stmt.run(parameters);
      parentPort.postMessage({ id, rows: [], changes });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
