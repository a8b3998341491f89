/**
 * Why seeding refuses to start or stops: the caller branches on `code`.
 */

export type SeedErrorCode = "conflict" | "prerequisite" | "integrity";

export class SeedError extends Error {
  override readonly name: string = "SeedError";
  constructor(
    readonly code: SeedErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The database already holds a different demo plant (another seed, scale or history window). */
export class SeedConflictError extends SeedError {
  override readonly name = "SeedConflictError";
  constructor(message: string) {
    super("conflict", message);
  }
}

/** Odoo lacks something the seeder needs: a module, a warehouse, a unit of measure. */
export class SeedPrerequisiteError extends SeedError {
  override readonly name = "SeedPrerequisiteError";
  constructor(message: string) {
    super("prerequisite", message);
  }
}

/** Odoo did not do what was asked (a receipt left unvalidated, a batch half there). */
export class SeedIntegrityError extends SeedError {
  override readonly name = "SeedIntegrityError";
  constructor(message: string) {
    super("integrity", message);
  }
}
