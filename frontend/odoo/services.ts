/**
 * Typed access to the Odoo services the frontend uses. The shapes are those of Odoo 19's
 * `orm`, `action` and `notification` services (`addons/web/static/src/core/orm_service.js`,
 * `webclient/actions/action_service.js`, `core/notifications/notification_service.js`), reduced
 * to what is called here.
 */
import { useService } from "@web/core/utils/hooks";
import type { Domain, FieldOf } from "./domain.js";

export interface OrmKwargs {
  readonly context?: Record<string, unknown>;
  readonly limit?: number;
  readonly offset?: number;
  readonly order?: string;
}

/** Every method is one JSON-RPC call to `/web/dataset/call_kw`. */
export interface OrmService {
  call<T = unknown>(
    model: string,
    method: string,
    args?: readonly unknown[],
    kwargs?: Record<string, unknown>,
  ): Promise<T>;
  searchRead<T, M extends string = string>(
    model: M,
    domain: Domain<M>,
    fields: readonly FieldOf<M>[],
    kwargs?: OrmKwargs,
  ): Promise<T[]>;
  /** Groups as `{[groupby]: value, [aggregate]: value, __extra_domain, __domain}`. */
  formattedReadGroup<T, M extends string = string>(
    model: M,
    domain: Domain<M>,
    groupby: readonly FieldOf<M>[],
    /** `"__count"` or `"<field>:<aggregator>"`, e.g. `"inventory_value:sum"`. */
    aggregates: readonly ("__count" | `${FieldOf<M>}:${string}`)[],
    kwargs?: OrmKwargs,
  ): Promise<T[]>;
  /** The page of records and the total count, in one call. */
  webSearchRead<T, M extends string = string>(
    model: M,
    domain: Domain<M>,
    kwargs: OrmKwargs & { readonly specification: Partial<Record<FieldOf<M>, object>> },
  ): Promise<{ length: number; records: T[] }>;
}

/** A window action described inline (`ir.actions.act_window` values). */
export interface WindowAction {
  readonly type: "ir.actions.act_window";
  readonly name: string;
  readonly res_model: string;
  readonly views: readonly (readonly [number | false, string])[];
  readonly domain?: Domain<string>;
  readonly context?: Record<string, unknown>;
  readonly res_id?: number;
}

export interface ActionService {
  /** Runs an action given inline or by XML id. */
  doAction(action: WindowAction | string, options?: Record<string, unknown>): Promise<unknown>;
}

export type NotificationType = "info" | "success" | "warning" | "danger";

export interface NotificationService {
  add(
    message: string,
    options?: { title?: string; type?: NotificationType; sticky?: boolean },
  ): () => void;
}

export const useOrm = (): OrmService => useService("orm") as OrmService;
export const useActionService = (): ActionService => useService("action") as ActionService;
export const useNotifications = (): NotificationService =>
  useService("notification") as NotificationService;

/**
 * The message a user should read for a failed call: the server's own for an Odoo error
 * (`RPCError.data.message`, e.g. an AccessError naming the missing group), else the error's.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const data = (error as { data?: { message?: unknown } }).data;
    if (typeof data?.message === "string" && data.message) return data.message;
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  return String(error);
}
