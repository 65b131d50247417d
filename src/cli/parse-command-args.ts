import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/wedge-error.js';

/** Parses a command's flags strictly: an unknown flag or a missing value is a UsageError naming it. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${command}: ${message}. Run "wedge help" for usage.`);
  }
}

/** Reads a positive integer flag, or throws a UsageError that names it. */
export function positiveIntFlag(name: string, value: string | undefined, fallback: number, max = 1000): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got "${value}"`);
  return number;
}
