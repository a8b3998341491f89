// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { PendingSuggestions } from "../../frontend/dashboard/pending_suggestions.js";
import { scope, suggestionRow } from "./fixtures.js";
import { type Mounted, mountComponent, type OrmCall, odooError, text } from "./support.js";

const accepted = {
  type: "ir.actions.client",
  tag: "display_notification",
  params: {
    message: "1 reordering rule(s) updated.",
    type: "success",
    next: { tag: "soft_reload" },
  },
};

describe("pending suggestions", () => {
  let mounted: Mounted<PendingSuggestions> | undefined;
  afterEach(() => mounted?.destroy());

  /** Two pending suggestions until one is decided. */
  function pendingUntilDecided(decide: (call: OrmCall) => unknown) {
    let decided: number[] = [];
    return (call: OrmCall): unknown => {
      if (call.method === "web_search_read") {
        const rows = [
          suggestionRow(1, "[BRK-1] Brake disc", "critical"),
          suggestionRow(2, "[PMP-3] Water pump", "essential"),
        ].filter((row) => !decided.includes(row.id));
        return { length: rows.length + 40, records: rows };
      }
      const result = decide(call);
      decided = [...decided, ...((call.args?.[0] as number[]) ?? [])];
      return result;
    };
  }

  it("reads one page and the total in one call: pending, the company's, critical first", async () => {
    mounted = await mountComponent(PendingSuggestions, {
      props: { scope: { ...scope, warehouseId: 2 }, revision: 0, isPlanner: true },
      respond: pendingUntilDecided(() => accepted),
    });
    const { target, orm } = mounted;
    await vi.waitFor(() =>
      expect(target.querySelectorAll(".o_segmentation_suggestion")).toHaveLength(2),
    );
    expect(orm.calls).toHaveLength(1);
    expect(orm.calls[0]).toMatchObject({
      model: "inventory.segment.suggestion",
      method: "web_search_read",
      domain: [
        ["state", "=", "pending"],
        ["company_id", "=", 1],
        ["warehouse_id", "=", 2],
      ],
      kwargs: { limit: 8, order: "segment_id, id desc" },
    });
    expect(text(target.querySelector(".o_segmentation_card_title"))).toBe(
      "Pending suggestions (42)",
    );
    const first = target.querySelector(".o_segmentation_suggestion");
    expect(text(first)).toContain("[BRK-1] Brake disc");
    const minCell = first?.querySelectorAll("td")[3] ?? null;
    expect(text(minCell?.querySelector(".text-muted") ?? null)).toBe("10");
    expect(text(minCell?.querySelector("strong") ?? null)).toBe("14");
    expect(text(first)).toContain("+$ 180.50");
    expect(first?.querySelector(".o_segmentation_tier_badge")?.getAttribute("data-tier")).toBe(
      "critical",
    );
  });

  it("accepts through inventory.segment.suggestion.action_accept with the row's id, then reloads", async () => {
    const decide = vi.fn(() => accepted);
    mounted = await mountComponent(PendingSuggestions, {
      props: { scope, revision: 0, isPlanner: true },
      respond: pendingUntilDecided(decide),
    });
    const { target, orm, notify } = mounted;
    await vi.waitFor(() =>
      expect(target.querySelectorAll(".o_segmentation_accept")).toHaveLength(2),
    );

    (target.querySelectorAll(".o_segmentation_accept")[1] as HTMLButtonElement).click();

    await vi.waitFor(() =>
      expect(target.querySelectorAll(".o_segmentation_suggestion")).toHaveLength(1),
    );
    const decisions = orm.calls.filter((call) => call.method !== "web_search_read");
    expect(decisions).toEqual([
      { model: "inventory.segment.suggestion", method: "action_accept", args: [[2]], kwargs: {} },
    ]);
    expect(notify).toHaveBeenCalledWith("1 reordering rule(s) updated.", { type: "success" });
    expect(text(target)).not.toContain("[PMP-3] Water pump");
    expect(orm.callsTo("inventory.segment.suggestion", "web_search_read")).toHaveLength(2);
  });

  it("rejects through action_reject", async () => {
    mounted = await mountComponent(PendingSuggestions, {
      props: { scope, revision: 0, isPlanner: true },
      respond: pendingUntilDecided(() => ({
        params: { message: "1 suggestion(s) rejected.", type: "info" },
      })),
    });
    const { target, orm, notify } = mounted;
    await vi.waitFor(() => expect(target.querySelector(".o_segmentation_reject")).not.toBeNull());
    (target.querySelector(".o_segmentation_reject") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(notify).toHaveBeenCalled());
    expect(orm.calls.find((call) => call.method === "action_reject")?.args).toEqual([[1]]);
    expect(notify).toHaveBeenCalledWith("1 suggestion(s) rejected.", { type: "info" });
  });

  it("keeps the row and shows the server's reason when Odoo refuses", async () => {
    mounted = await mountComponent(PendingSuggestions, {
      props: { scope, revision: 0, isPlanner: true },
      respond: pendingUntilDecided(() => {
        throw odooError(
          "The segment of [BRK-1] Brake disc is locked; only a Segmentation Manager can accept its suggestions.",
        );
      }),
    });
    const { target, notify } = mounted;
    await vi.waitFor(() => expect(target.querySelector(".o_segmentation_accept")).not.toBeNull());
    (target.querySelector(".o_segmentation_accept") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(notify).toHaveBeenCalled());
    expect(notify).toHaveBeenCalledWith(
      "The segment of [BRK-1] Brake disc is locked; only a Segmentation Manager can accept its suggestions.",
      { type: "danger", title: "[BRK-1] Brake disc was not updated" },
    );
    expect(target.querySelectorAll(".o_segmentation_suggestion")).toHaveLength(2);
    expect((target.querySelector(".o_segmentation_accept") as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it("offers no decision to a user who is not a Planner", async () => {
    mounted = await mountComponent(PendingSuggestions, {
      props: { scope, revision: 0, isPlanner: false },
      respond: pendingUntilDecided(() => accepted),
    });
    const { target } = mounted;
    await vi.waitFor(() =>
      expect(target.querySelectorAll(".o_segmentation_suggestion")).toHaveLength(2),
    );
    expect(target.querySelector(".o_segmentation_accept, .o_segmentation_reject")).toBeNull();
    expect(text(target)).toContain("Planners accept or reject suggestions");
  });

  it("says there is nothing to review when no suggestion is pending", async () => {
    mounted = await mountComponent(PendingSuggestions, {
      props: { scope, revision: 0, isPlanner: true },
      respond: () => ({ length: 0, records: [] }),
    });
    await vi.waitFor(() =>
      expect(mounted?.target.querySelector(".o_segmentation_empty")).not.toBeNull(),
    );
    expect(text(mounted.target)).toContain("Nothing to review");
  });
});
