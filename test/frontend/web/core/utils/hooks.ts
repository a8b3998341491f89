/** `@web/core/utils/hooks`: services come from the component's env, as in Odoo. */
import { useEnv } from "@odoo/owl";

export function useService(name: string): unknown {
  const services = (useEnv() as { services?: Record<string, unknown> }).services ?? {};
  if (!(name in services)) throw new Error(`Service ${name} is not available`);
  return services[name];
}
