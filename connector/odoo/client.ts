/**
 * `OdooClient`: typed access to Odoo's ORM over JSON-2 or XML-RPC, with the same results from
 * both. Build one with `connectOdoo(config)`; close it when done.
 *
 * ```ts
 * const odoo = await connectOdoo(loadConnectionConfig(process.env));
 * for await (const moves of odoo.searchReadPages("stock.move", [["state", "=", "done"]], { fields: ["product_id", "quantity", "date"] })) { … }
 * const groups = await odoo.formattedReadGroup("stock.move", domain, ["product_id", "date:day"], ["quantity:sum"]);
 * const ids = await odoo.create("inventory.segment.event", valsList, { batchSize: 500 });
 * await odoo.write("product.product", ids, { segment_id: 3 });
 * await odoo.call("inventory.segment.suggestion", "action_accept", { ids: [7] });
 * odoo.close();
 * ```
 * Reads, `write` and `fieldsGet` are retried on transient failures; `create` and `call` are not,
 * unless the caller passes `idempotent: true` (see `retryPolicy.ts`).
 */

import { chunks, definedOnly, positiveInteger, withContext } from "./callArguments.js";
import type { CallRunner } from "./callRunner.js";
import { type Domain, domainAnd } from "./domain.js";
import { asIds, asRecords, isPlainObject, unexpected } from "./resultShapes.js";
import type { OdooTransport, RpcArguments } from "./transport.js";
import type {
  OdooContext,
  OdooFieldDescription,
  OdooGroup,
  OdooRecord,
  OdooServerVersion,
  OdooVals,
  OdooValue,
  TransportKind,
} from "./types.js";

export interface ContextOption {
  readonly context?: OdooContext | undefined;
}

export interface SearchReadOptions extends ContextOption {
  /** Fields to read; all readable fields when left out (slow on wide models). */
  readonly fields?: readonly string[] | undefined;
  /**
   * `"id"`/`"id asc"` (default) or `"id desc"`: pages follow an id cursor, stable while records
   * are added. Any other order is allowed only when `limit ≤ pageSize` (one page).
   */
  readonly order?: string | undefined;
  /** Stop after this many records in total. */
  readonly limit?: number | undefined;
  /** Records per request (default: the client's `pageSize`, 2000). */
  readonly pageSize?: number | undefined;
}

export interface SearchOptions extends ContextOption {
  readonly order?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface ReadGroupOptions extends ContextOption {
  /** A domain on the aggregates, e.g. `[["quantity:sum", ">", 0]]`. */
  readonly having?: Domain | undefined;
  readonly order?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface CreateOptions extends ContextOption {
  /** Records per request (default: the client's `batchSize`, 500). */
  readonly batchSize?: number | undefined;
  /**
   * Set when creating twice cannot duplicate anything (e.g. a unique key rejects the second one),
   * so a timed-out batch may be sent again.
   */
  readonly idempotent?: boolean | undefined;
}

export interface WriteOptions extends ContextOption {
  /** Ids per request (default: the client's `batchSize`). */
  readonly batchSize?: number | undefined;
}

export interface CallOptions extends ContextOption {
  /** The records the method works on; leave out for `@api.model` methods. */
  readonly ids?: readonly number[] | undefined;
  /** Named arguments (JSON-2 takes no positional ones). */
  readonly kwargs?: RpcArguments | undefined;
  /** Set when calling twice is harmless, so transient failures may be retried. */
  readonly idempotent?: boolean | undefined;
}

export interface FieldsGetOptions extends ContextOption {
  readonly fields?: readonly string[] | undefined;
  /** Attributes per field, e.g. `["type", "string", "relation", "required"]`. */
  readonly attributes?: readonly string[] | undefined;
}

export interface OdooClientSettings {
  readonly transport: OdooTransport;
  readonly runner: CallRunner;
  readonly pageSize: number;
  readonly batchSize: number;
  /** When the version was already fetched to choose the transport. */
  readonly knownVersion?: OdooServerVersion | undefined;
}

const ID_ASC = /^\s*id(\s+asc)?\s*$/i;
const ID_DESC = /^\s*id\s+desc\s*$/i;

export class OdooClient {
  readonly #transport: OdooTransport;
  readonly #runner: CallRunner;
  readonly #pageSize: number;
  readonly #batchSize: number;
  #version: Promise<OdooServerVersion> | undefined;

  constructor(settings: OdooClientSettings) {
    this.#transport = settings.transport;
    this.#runner = settings.runner;
    this.#pageSize = positiveInteger(settings.pageSize, "pageSize");
    this.#batchSize = positiveInteger(settings.batchSize, "batchSize");
    if (settings.knownVersion) this.#version = Promise.resolve(settings.knownVersion);
  }

  /** The wire protocol in use. */
  get transport(): TransportKind {
    return this.#transport.kind;
  }

  /** The server's version (asked once). */
  version(): Promise<OdooServerVersion> {
    if (!this.#version) {
      this.#version = this.#transport.version();
      this.#version.catch(() => {
        this.#version = undefined;
      });
    }
    return this.#version;
  }

  /** Calls any public model method, e.g. `action_accept` on some ids. */
  call(model: string, method: string, options: CallOptions = {}): Promise<OdooValue> {
    return this.#runner.run(
      {
        model,
        method,
        ids: options.ids,
        kwargs: withContext(options.kwargs ?? {}, options.context),
      },
      options.idempotent ?? false,
    );
  }

  /** Yields pages of records matching `domain`, following an id cursor (see `SearchReadOptions`). */
  async *searchReadPages(
    model: string,
    domain: Domain,
    options: SearchReadOptions = {},
  ): AsyncGenerator<OdooRecord[]> {
    const pageSize = positiveInteger(options.pageSize ?? this.#pageSize, "pageSize");
    const order = options.order ?? "id";
    const descending = ID_DESC.test(order);
    if (!descending && !ID_ASC.test(order)) {
      if (options.limit === undefined || options.limit > pageSize) {
        throw new RangeError(
          `searchRead on ${model}: order "${order}" cannot be paged by id; use order "id" or a limit ≤ ${pageSize}`,
        );
      }
      yield await this.#searchReadPage(model, domain, options, options.limit, order);
      return;
    }
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    let cursor: number | undefined;
    while (remaining > 0) {
      const limit = Math.min(pageSize, remaining);
      const pageDomain =
        cursor === undefined ? domain : domainAnd([["id", descending ? "<" : ">", cursor]], domain);
      const page = await this.#searchReadPage(
        model,
        pageDomain,
        options,
        limit,
        descending ? "id desc" : "id asc",
      );
      if (page.length > 0) yield page;
      if (page.length < limit) return;
      remaining -= page.length;
      cursor = page[page.length - 1]?.id;
    }
  }

  /** All records matching `domain`, read page by page. */
  async searchRead(
    model: string,
    domain: Domain,
    options: SearchReadOptions = {},
  ): Promise<OdooRecord[]> {
    const records: OdooRecord[] = [];
    for await (const page of this.searchReadPages(model, domain, options)) records.push(...page);
    return records;
  }

  async search(model: string, domain: Domain, options: SearchOptions = {}): Promise<number[]> {
    const kwargs = withContext(
      { domain, order: options.order, limit: options.limit, offset: options.offset },
      options.context,
    );
    return asIds(
      await this.#runner.run({ model, method: "search", kwargs }, true),
      model,
      "search",
    );
  }

  async searchCount(
    model: string,
    domain: Domain,
    options: ContextOption & { readonly limit?: number } = {},
  ): Promise<number> {
    const kwargs = withContext({ domain, limit: options.limit }, options.context);
    const count = await this.#runner.run({ model, method: "search_count", kwargs }, true);
    if (typeof count !== "number") throw unexpected(model, "search_count", "a number", count);
    return count;
  }

  /** Reads records by id, `pageSize` ids per request, in the order of `ids`. */
  async read(
    model: string,
    ids: readonly number[],
    options: ContextOption & { readonly fields?: readonly string[] } = {},
  ): Promise<OdooRecord[]> {
    const records: OdooRecord[] = [];
    for (const chunk of chunks(ids, this.#pageSize)) {
      const kwargs = withContext({ fields: options.fields }, options.context);
      records.push(
        ...asRecords(
          await this.#runner.run({ model, method: "read", ids: chunk, kwargs }, true),
          model,
          "read",
        ),
      );
    }
    return records;
  }

  /** Server-side grouping: `groupby` like `["product_id", "date:day"]`, `aggregates` like `["quantity:sum"]`. */
  async formattedReadGroup(
    model: string,
    domain: Domain,
    groupby: readonly string[],
    aggregates: readonly string[],
    options: ReadGroupOptions = {},
  ): Promise<OdooGroup[]> {
    const kwargs = withContext(
      {
        domain,
        groupby,
        aggregates,
        having: options.having,
        order: options.order,
        limit: options.limit,
        offset: options.offset,
      },
      options.context,
    );
    const groups = await this.#runner.run({ model, method: "formatted_read_group", kwargs }, true);
    if (!Array.isArray(groups) || !groups.every(isPlainObject)) {
      throw unexpected(model, "formatted_read_group", "a list of groups", groups);
    }
    return groups as OdooGroup[];
  }

  /**
   * Creates records batch by batch and yields each batch's new ids, so a caller can record its
   * progress: when a batch fails, the earlier batches are committed and this one is not.
   */
  async *createBatches(
    model: string,
    valsList: readonly OdooVals[],
    options: CreateOptions = {},
  ): AsyncGenerator<number[]> {
    const batchSize = positiveInteger(options.batchSize ?? this.#batchSize, "batchSize");
    for (const batch of chunks(valsList, batchSize)) {
      const kwargs = withContext({ vals_list: batch.map(definedOnly) }, options.context);
      const ids = asIds(
        await this.#runner.run({ model, method: "create", kwargs }, options.idempotent ?? false),
        model,
        "create",
      );
      if (ids.length !== batch.length)
        throw unexpected(model, "create", `${batch.length} ids`, ids);
      yield ids;
    }
  }

  /** Creates records in batches; the ids come back in the order of `valsList`. */
  async create(
    model: string,
    valsList: readonly OdooVals[],
    options: CreateOptions = {},
  ): Promise<number[]> {
    const ids: number[] = [];
    for await (const batch of this.createBatches(model, valsList, options)) ids.push(...batch);
    return ids;
  }

  /** Writes the same values on every record, in batches. Setting values twice is harmless, so it is retried. */
  async write(
    model: string,
    ids: readonly number[],
    vals: OdooVals,
    options: WriteOptions = {},
  ): Promise<void> {
    const batchSize = positiveInteger(options.batchSize ?? this.#batchSize, "batchSize");
    for (const chunk of chunks(ids, batchSize)) {
      const kwargs = withContext({ vals: definedOnly(vals) }, options.context);
      const result = await this.#runner.run({ model, method: "write", ids: chunk, kwargs }, true);
      if (result !== true) throw unexpected(model, "write", "true", result);
    }
  }

  async fieldsGet(
    model: string,
    options: FieldsGetOptions = {},
  ): Promise<Record<string, OdooFieldDescription>> {
    const kwargs = withContext(
      { allfields: options.fields, attributes: options.attributes },
      options.context,
    );
    const fields = await this.#runner.run({ model, method: "fields_get", kwargs }, true);
    if (!isPlainObject(fields))
      throw unexpected(model, "fields_get", "a mapping of fields", fields);
    return fields as Record<string, OdooFieldDescription>;
  }

  /** Frees the connection pool. */
  close(): void {
    this.#transport.close();
  }

  async #searchReadPage(
    model: string,
    domain: Domain,
    options: SearchReadOptions,
    limit: number,
    order: string,
  ) {
    const kwargs = withContext({ domain, fields: options.fields, limit, order }, options.context);
    return asRecords(
      await this.#runner.run({ model, method: "search_read", kwargs }, true),
      model,
      "search_read",
    );
  }
}
