import { describe, expect, expectTypeOf, it } from "vitest";
import { type Domain, domainAnd, domainOr } from "../../connector/odoo/index.js";
import { matchesDomain } from "../support/fakeDomain.js";

const done: Domain = [["state", "=", "done"]];
const outgoing: Domain = [
  "|",
  ["location_dest_usage", "=", "customer"],
  ["location_dest_usage", "=", "production"],
];
const product: Domain = [
  ["product_id", "in", [1, 2]],
  ["quantity", ">", 0],
];

describe("domainAnd / domainOr", () => {
  it("ANDs by concatenation, keeping each domain's own implicit AND", () => {
    expect(domainAnd(done, outgoing)).toEqual([
      ["state", "=", "done"],
      "|",
      ["location_dest_usage", "=", "customer"],
      ["location_dest_usage", "=", "production"],
    ]);
  });

  it("closes multi-expression domains before OR-ing them", () => {
    expect(domainOr(done, product)).toEqual([
      "|",
      ["state", "=", "done"],
      "&",
      ["product_id", "in", [1, 2]],
      ["quantity", ">", 0],
    ]);
    expect(domainOr(outgoing, done, product)).toEqual([
      "|",
      "|",
      ...outgoing,
      ["state", "=", "done"],
      "&",
      ["product_id", "in", [1, 2]],
      ["quantity", ">", 0],
    ]);
  });

  it("gives what Odoo would select (checked with the fake's evaluator)", () => {
    const records = [
      { id: 1, state: "done", product_id: 1, quantity: 0 },
      { id: 2, state: "draft", product_id: 2, quantity: 5 },
      { id: 3, state: "draft", product_id: 3, quantity: 5 },
    ];
    const selected = (domain: Domain) =>
      records.filter((record) => matchesDomain(record, domain)).map((record) => record.id);
    expect(selected(domainOr(done, product))).toEqual([1, 2]);
    expect(selected(domainAnd(domainOr(done, product), [["quantity", ">", 0]]))).toEqual([2]);
  });

  it("treats an empty domain as 'everything' in an OR", () => {
    expect(domainOr(done, [])).toEqual([]);
  });
});

describe("Domain type", () => {
  it("accepts Odoo's conditions and operators", () => {
    expectTypeOf<[["date", ">=", "2024-01-01 00:00:00"]]>().toExtend<Domain>();
    expectTypeOf<["!", ["active", "=", false]]>().toExtend<Domain>();
    expectTypeOf<[["order_id", "any", [["state", "=", "purchase"]]]]>().toExtend<Domain>();
  });

  it("rejects malformed terms", () => {
    expectTypeOf<[["state", "==", "done"]]>().not.toExtend<Domain>();
    expectTypeOf<[["state", "="]]>().not.toExtend<Domain>();
    expectTypeOf<["&&"]>().not.toExtend<Domain>();
    expectTypeOf<[["date", ">", Date]]>().not.toExtend<Domain>();
  });
});
