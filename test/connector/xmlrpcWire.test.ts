/**
 * XML-RPC decoding and fault mapping at the byte level: values the `xmlrpc` package would hand
 * back in other shapes than JSON-2's, and faults worded as Odoo 19 words them.
 */
import { describe, expect, it } from "vitest";
import { createRedactor } from "../../connector/odoo/redact.js";
import {
  decodeMethodResponse,
  encodeMethodCall,
  XmlRpcDecodeError,
} from "../../connector/odoo/xmlrpcCodec.js";
import { errorFromFault, isNoneResultFault } from "../../connector/odoo/xmlrpcFaults.js";
import { decodeMethodCall } from "../support/odooRequest.js";

const response = (value: string) =>
  `<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n<value>${value}</value>\n</param>\n</params>\n</methodResponse>\n`;
const context = {
  transport: "xmlrpc" as const,
  model: "stock.move",
  method: "write",
  redact: createRedactor(["s3cret-key"]),
};

describe("decodeMethodResponse", () => {
  it("gives JSON-2's shapes for i8, dateTime, base64 and nil", async () => {
    const xml = response(
      "<struct>" +
        "<member><name>big</name><value><i8>4294967296</i8></value></member>" +
        "<member><name>when</name><value><dateTime.iso8601>20240318T10:15:00</dateTime.iso8601></value></member>" +
        "<member><name>file</name><value><base64>aGVs\nbG8=</base64></value></member>" +
        "<member><name>nothing</name><value><nil/></value></member>" +
        "<member><name>qty</name><value><double>16.0</double></value></member>" +
        "<member><name>empty</name><value><boolean>0</boolean></value></member>" +
        "<member><name>bare</name><value>plain text</value></member>" +
        "</struct>",
    );
    expect(await decodeMethodResponse(xml)).toEqual({
      ok: true,
      value: {
        big: 4294967296,
        when: "2024-03-18 10:15:00",
        file: "aGVsbG8=",
        nothing: null,
        qty: 16,
        empty: false,
        bare: "plain text",
      },
    });
  });

  it("returns faults as data", async () => {
    const fault = `<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>3</int></value></member><member><name>faultString</name><value><string>Access Denied</string></value></member></struct></value></fault></methodResponse>`;
    expect(await decodeMethodResponse(fault)).toEqual({
      ok: false,
      faultCode: 3,
      faultString: "Access Denied",
    });
  });

  it("rejects a truncated or foreign body", async () => {
    await expect(
      decodeMethodResponse('<?xml version="1.0"?><methodResponse><params><param><value><int>1'),
    ).rejects.toBeInstanceOf(XmlRpcDecodeError);
    await expect(
      decodeMethodResponse("<html><body>Bad Gateway</body></html>"),
    ).rejects.toBeInstanceOf(XmlRpcDecodeError);
  });
});

describe("encodeMethodCall", () => {
  it("drops undefined members instead of sending empty strings", async () => {
    const xml = encodeMethodCall("execute_kw", [
      "db",
      2,
      "key",
      "res.partner",
      "search_read",
      [],
      { domain: [], limit: undefined, fields: ["name"] },
    ]);
    const { params } = await decodeMethodCall(xml);
    expect(params[6]).toEqual({ domain: [], fields: ["name"] });
  });
});

describe("errorFromFault", () => {
  it("maps Odoo's fault codes to the JSON-2 classes", () => {
    expect(errorFromFault(3, "Access Denied", context)).toMatchObject({ code: "auth" });
    expect(
      errorFromFault(4, "You are not allowed to modify 'Contact' (res.partner) records.", context),
    ).toMatchObject({ code: "access" });
    expect(
      errorFromFault(2, "The operation cannot be completed: Contacts require a name", context),
    ).toMatchObject({ code: "validation" });
    expect(errorFromFault(2, "Object no.such doesn't exist", context)).toMatchObject({
      code: "not_found",
    });
    expect(
      errorFromFault(
        2,
        "Record does not exist or has been deleted.\n(Record: res.partner(9,), User: 2)",
        context,
      ),
    ).toMatchObject({
      code: "not_found",
      exceptionName: "odoo.exceptions.MissingError",
    });
  });

  it("reads the exception from the last line of a fault-1 traceback", () => {
    const traceback = (last: string) =>
      `Traceback (most recent call last):\n  File "x.py", line 1, in f\n${last}\n`;
    expect(
      errorFromFault(
        1,
        traceback("AttributeError: The method 'res.partner.nope' does not exist"),
        context,
      ),
    ).toMatchObject({ code: "not_found" });
    expect(
      errorFromFault(
        1,
        traceback('psycopg2.OperationalError: FATAL:  database "gone" does not exist'),
        context,
      ),
    ).toMatchObject({ code: "not_found" });
    expect(
      errorFromFault(
        1,
        traceback("TypeError: BaseModel.search_count() got an unexpected keyword argument 'bogus'"),
        context,
      ),
    ).toMatchObject({
      code: "validation",
    });
    expect(
      errorFromFault(1, traceback("ValueError: Invalid field res.partner.x"), context),
    ).toMatchObject({
      code: "server",
      exceptionName: "builtins.ValueError",
      serverMessage: "Invalid field res.partner.x",
      retryable: false,
    });
    expect(
      errorFromFault(
        1,
        traceback("psycopg2.errors.SerializationFailure: could not serialize access"),
        context,
      ),
    ).toMatchObject({
      code: "server",
      retryable: true,
    });
  });

  it("recognises the None-result fault, and nothing else, as a success", () => {
    expect(
      isNoneResultFault(
        1,
        "Traceback...\nTypeError: cannot marshal None unless allow_none is enabled\n",
      ),
    ).toBe(true);
    expect(
      isNoneResultFault(2, "TypeError: cannot marshal None unless allow_none is enabled"),
    ).toBe(false);
    expect(isNoneResultFault(1, "Traceback...\nTypeError: something else\n")).toBe(false);
  });

  it("redacts secrets a fault may echo", () => {
    const error = errorFromFault(2, "bad key s3cret-key", context);
    expect(error.message).not.toContain("s3cret-key");
    expect(error.serverMessage).toBe("bad key [redacted]");
  });
});
