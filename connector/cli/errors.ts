import { PeriodLabelError, PlanInputError } from "../../analytics/index.js";
import { CsvInputError } from "../sources/csv/index.js";

/** Exit code for bad input or bad options: the user can fix it. */
export const EXIT_USER_ERROR = 2;
/** Exit code for a bug or an unexpected failure. */
export const EXIT_INTERNAL_ERROR = 1;

/** A wrong option or option value; the message says what to pass instead. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A configuration file that cannot be used; the message names the file and the JSON path. */
export class ConfigFileError extends Error {
  override readonly name = "ConfigFileError";
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

const userErrorTypes: Array<abstract new (...args: never[]) => Error> = [
  UsageError,
  ConfigFileError,
  CsvInputError,
  PeriodLabelError,
  PlanInputError,
];

/**
 * Lets another layer (e.g. the odoo source) declare its errors as the user's to fix, so that the
 * CLI prints their message without a stack trace.
 */
export function registerUserError(type: abstract new (...args: never[]) => Error): void {
  userErrorTypes.push(type);
}

/** True for errors whose message is the whole story for the user (bad input, bad options). */
export function isUserError(error: unknown): error is Error {
  return userErrorTypes.some((type) => error instanceof type);
}

/**
 * Runs a command action: a user error prints `invseg: <message>` and exits 2 without a stack
 * trace; anything else is a bug and prints its stack, exit 1.
 */
export async function runAction(action: () => Promise<void> | void): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (isUserError(error)) {
      process.stderr.write(`invseg: ${error.message}\n`);
      process.exitCode = EXIT_USER_ERROR;
      return;
    }
    process.stderr.write(
      `invseg: unexpected error, please report it:\n${(error as Error)?.stack ?? String(error)}\n`,
    );
    process.exitCode = EXIT_INTERNAL_ERROR;
  }
}
