import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into usage errors that name the problem. */
export function parseOptions<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error));
  }
}

export function parsePort(raw: string | undefined, fallback: number, option = '--port'): number {
  if (raw === undefined) return fallback;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`${option} must be a number from 0 to 65535, not "${raw}"`);
  return port;
}

/** A duration in whole days, written `400d` (a bare number is days too). */
export function parseDays(option: string, raw: string): number {
  const match = /^(\d{1,5})d?$/.exec(raw.trim());
  const days = match ? Number(match[1]) : NaN;
  if (!(days >= 1)) throw new UsageError(`${option} must be a number of days, e.g. 400d, not "${raw}"`);
  return days;
}
