/**
 * What the company bought from each vendor: confirmed purchase orders (`state` purchase, confirmed
 * on or after `fromDatetime`), untaxed, in the company's currency. Orders in the company's currency
 * are summed by Odoo in one grouped read; orders in another currency are read one by one and
 * converted with the rate the order was confirmed at (`currency_rate`: order currency per company
 * currency).
 */
import { z } from "zod";
import { finite, recordId, requiredMany2one } from "../extract/odoo-values.js";
import { type IssueLog, parseRecords } from "../extract/record-issues.js";
import type { CompanyScope } from "../extract/scope.js";
import type { Domain, OdooClient } from "../odoo/index.js";

const companySchema = z.object({ currency_id: requiredMany2one });

const groupSchema = z.object({
  partner_id: requiredMany2one,
  currency_id: requiredMany2one,
  "amount_untaxed:sum": finite,
});

const foreignOrderSchema = z.object({
  id: recordId,
  partner_id: requiredMany2one,
  amount_untaxed: finite,
  currency_rate: z.number().positive(),
});

/**
 * @param fromDatetime the first confirmation counted, `YYYY-MM-DD HH:MM:SS` UTC.
 * @returns purchase value by vendor id.
 */
export async function readPurchaseValues(
  odoo: OdooClient,
  scope: CompanyScope,
  fromDatetime: string,
  log: IssueLog,
): Promise<Map<number, number>> {
  const [company] = await odoo.read("res.company", [scope.companyId], {
    fields: ["currency_id"],
    context: scope.context,
  });
  const currencyId = companySchema.parse(company).currency_id;
  const domain: Domain = [
    ["state", "=", "purchase"],
    ["date_approve", ">=", fromDatetime],
    ["company_id", "=", scope.companyId],
  ];
  const groups = await odoo.formattedReadGroup(
    "purchase.order",
    domain,
    ["partner_id", "currency_id"],
    ["amount_untaxed:sum"],
    { context: scope.context },
  );
  const values = new Map<number, number>();
  const add = (vendorId: number, amount: number) =>
    values.set(vendorId, (values.get(vendorId) ?? 0) + amount);
  let foreign = false;
  for (const group of groups) {
    const parsed = groupSchema.safeParse(group);
    if (!parsed.success) {
      log.add("purchase.order", 0, `unreadable group ${JSON.stringify(group).slice(0, 200)}`);
      continue;
    }
    if (parsed.data.currency_id === currencyId) {
      add(parsed.data.partner_id, parsed.data["amount_untaxed:sum"]);
    } else foreign = true;
  }
  if (foreign) {
    const orders = await odoo.searchRead(
      "purchase.order",
      [...domain, ["currency_id", "!=", currencyId]],
      { fields: ["partner_id", "amount_untaxed", "currency_rate"], context: scope.context },
    );
    for (const order of parseRecords("purchase.order", foreignOrderSchema, orders, log)) {
      add(order.partner_id, order.amount_untaxed / order.currency_rate);
    }
  }
  return values;
}
