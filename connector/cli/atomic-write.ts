import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./errors.js";

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the same folder,
 * which is then renamed over the target (atomic on POSIX file systems). A failure leaves neither a
 * partial target nor the temporary file behind.
 * @throws {UsageError} when the folder does not exist or cannot be written.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, content, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "ENOTDIR") {
      throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
    }
    throw error;
  }
}

/**
 * Checks before a long run that its output can be written: the folder exists and is writable, and
 * the path is not a folder.
 * @throws {UsageError} saying what is wrong.
 */
export async function checkWritable(path: string): Promise<void> {
  const folder = dirname(path);
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === "ENOENT" ? `folder ${folder} does not exist` : `folder ${folder} is not writable`;
    throw new UsageError(`cannot write ${path}: ${problem}`);
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${path}: it is a folder`);
}
