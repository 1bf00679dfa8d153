// autocannon options the load runs use beyond tests/server/support/autocannon.d.ts.
import 'autocannon';

declare module 'autocannon' {
  interface Options {
    /** Requests to make in all; the run ends when every one has its answer. */
    amount?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
  }
}
