/**
 * Mounting frontend components in jsdom with OWL from npm, the templates of `frontend/**\/*.xml`
 * and fake services: an `orm` that records every call and answers from the test's `respond`, an
 * `action` and a `notification` service that record what they are asked.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { App, type ComponentConstructor } from "@odoo/owl";
import { vi } from "vitest";

const repoDir = join(dirname(fileURLToPath(import.meta.url)), "../..");
const frontendDir = join(repoDir, "frontend");

/**
 * A file of the repository by its path from the root (under jsdom, `new URL(path, import.meta.url)`
 * is jsdom's URL, which `node:fs` refuses).
 */
export const repoFile = (path: string): string => readFileSync(join(repoDir, path), "utf8");

/** Paths of the files under `dir` (jsdom's environment breaks `readdirSync`'s `recursive`). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function templateFiles(): string[] {
  return filesUnder(frontendDir)
    .filter((file) => file.endsWith(".xml"))
    .sort()
    .map((file) => readFileSync(file, "utf8"));
}

/** One ORM call as the fake saw it. */
export interface OrmCall {
  readonly model: string;
  /** The Python method called (`search_read`, `formatted_read_group`, `action_accept`, ...). */
  readonly method: string;
  readonly domain?: readonly unknown[];
  readonly fields?: readonly string[];
  readonly groupby?: readonly string[];
  readonly aggregates?: readonly string[];
  readonly args?: readonly unknown[];
  readonly kwargs: Record<string, unknown>;
}

export type Respond = (call: OrmCall) => unknown;

/** The `orm` service: each method is one call, answered (or rejected) by `respond`. */
export class FakeOrm {
  readonly calls: OrmCall[] = [];

  constructor(public respond: Respond) {}

  private answer(call: OrmCall): Promise<never> {
    this.calls.push(call);
    // Like an RPC: the answer comes in a later task.
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(this.respond(call) as never);
        } catch (error) {
          reject(error);
        }
      }, 0);
    });
  }

  call(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}) {
    return this.answer({ model, method, args, kwargs });
  }

  searchRead(model: string, domain: unknown[], fields: string[], kwargs = {}) {
    return this.answer({ model, method: "search_read", domain, fields, kwargs });
  }

  formattedReadGroup(
    model: string,
    domain: unknown[],
    groupby: string[],
    aggregates: string[],
    kwargs = {},
  ) {
    return this.answer({
      model,
      method: "formatted_read_group",
      domain,
      groupby,
      aggregates,
      kwargs,
    });
  }

  webSearchRead(model: string, domain: unknown[], kwargs: Record<string, unknown>) {
    return this.answer({ model, method: "web_search_read", domain, kwargs });
  }

  callsTo(model: string, method?: string): OrmCall[] {
    return this.calls.filter(
      (c) => c.model === model && (method === undefined || c.method === method),
    );
  }
}

/** An error as Odoo's `rpc` rejects with it: the server's message in `data.message`. */
export function odooError(message: string, name = "odoo.exceptions.AccessError"): Error {
  return Object.assign(new Error(`RPC_ERROR: ${message}`), { data: { name, message } });
}

export interface Mounted<C> {
  readonly target: HTMLElement;
  readonly component: C;
  readonly orm: FakeOrm;
  readonly doAction: ReturnType<typeof vi.fn>;
  readonly notify: ReturnType<typeof vi.fn>;
  destroy(): void;
}

export async function mountComponent<C extends ComponentConstructor>(
  ComponentClass: C,
  options: { props: Record<string, unknown>; respond: Respond },
): Promise<Mounted<InstanceType<C>>> {
  const target = document.createElement("div");
  document.body.appendChild(target);
  const orm = new FakeOrm(options.respond);
  const doAction = vi.fn(async () => undefined);
  const notify = vi.fn(() => () => undefined);
  const env = { services: { orm, action: { doAction }, notification: { add: notify } } };
  const app = new App(ComponentClass, { env, props: options.props, test: true });
  for (const templates of templateFiles()) app.addTemplates(templates);
  const component = (await app.mount(target)) as InstanceType<C>;
  return {
    target,
    component,
    orm,
    doAction,
    notify,
    destroy() {
      app.destroy();
      target.remove();
    },
  };
}

export const text = (element: Element | null): string =>
  (element?.textContent ?? "").replace(/\s+/g, " ").trim();
