/**
 * Watch mode's own settings from Odoo (`inventory.segment.get_segmentation_settings`): how often
 * to poll and when to run the nightly full refresh. Read at start and after each refresh, so an
 * edit in Odoo's settings takes effect within a day without a restart.
 */
import { z } from "zod";
import { contract } from "../../manifest/contract.js";
import type { CompanyScope } from "../extract/scope.js";
import { SettingsError } from "../extract/settings.js";
import type { OdooClient } from "../odoo/index.js";

const METHOD = contract.methods["inventory.segment.get_segmentation_settings"];
const P = "inventory_segmentation.";

const schema = z.object({
  parameters: z.object({
    [`${P}poll_interval_seconds`]: z.number().int().min(5),
    [`${P}full_refresh_time`]: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  }),
});

export interface WatchSettings {
  readonly pollIntervalSeconds: number;
  /** `HH:MM`, UTC. */
  readonly fullRefreshTime: string;
}

/** @throws {SettingsError} when Odoo's answer lacks the watch settings or holds bad values. */
export async function readWatchSettings(
  odoo: OdooClient,
  scope: CompanyScope,
): Promise<WatchSettings> {
  const raw = await odoo.call(METHOD.model, METHOD.name, {
    context: scope.context,
    idempotent: true,
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new SettingsError(
      `the watch settings read from Odoo do not fit the contract (${parsed.error.issues
        .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
        .join("; ")}); is the addon up to date?`,
    );
  }
  const parameters = parsed.data.parameters;
  return {
    pollIntervalSeconds: parameters[`${P}poll_interval_seconds`] as number,
    fullRefreshTime: parameters[`${P}full_refresh_time`] as string,
  };
}
