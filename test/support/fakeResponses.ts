/**
 * Answers in Odoo 19's own formats, for the fake server's generated (not replayed) responses:
 * JSON-2 results and `{name, message, arguments, context, debug}` errors with Odoo's statuses,
 * XML-RPC results and faults (codes 1–4), and Odoo's HTML 404 page.
 */
import { serializeFault, serializeMethodResponse } from "xmlrpc/lib/serializer.js";
import type { RecordedResponse } from "./fixtures.js";

const JSON_TYPE = "application/json; charset=utf-8";
const XML_TYPE = "text/xml; charset=utf-8";
const HTML_TYPE = "text/html; charset=utf-8";

/**
 * A failure raised by a fake model method, rendered per protocol like Odoo renders it.
 * For `unknown-model` the message is just the model name: each protocol words it differently.
 */
export type FakeFailureKind =
  | "validation"
  | "access"
  | "missing"
  | "unknown-model"
  | "unknown-method"
  | "bad-arguments"
  | "server";

export class FakeOdooFailure extends Error {
  constructor(
    readonly kind: FakeFailureKind,
    message: string,
    /** Python exception for JSON-2 `name` / the last traceback line, e.g. `builtins.ValueError`. */
    readonly exceptionName?: string,
  ) {
    super(message);
  }
}

export function json2Result(value: unknown): RecordedResponse {
  return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(value ?? null) };
}

export function json2Error(status: number, name: string, message: string): RecordedResponse {
  const body = { name, message, arguments: [message], context: {}, debug: "" };
  return { status, contentType: JSON_TYPE, body: JSON.stringify(body) };
}

export function xmlrpcResult(value: unknown): RecordedResponse {
  return { status: 200, contentType: XML_TYPE, body: serializeMethodResponse(value) };
}

export function xmlrpcFault(faultCode: number, faultString: string): RecordedResponse {
  return { status: 200, contentType: XML_TYPE, body: serializeFault({ faultCode, faultString }) };
}

export function htmlPage(status: number, title: string, text: string): RecordedResponse {
  return {
    status,
    contentType: HTML_TYPE,
    body: `<!doctype html>\n<html lang=en>\n<title>${title}</title>\n<h1>${title}</h1>\n<p>${text}</p>\n`,
  };
}

/** A traceback whose last line names the exception, as XML-RPC fault 1 carries it. */
export function pythonTraceback(exceptionName: string, message: string): string {
  const shortName = exceptionName.replace(/^builtins\./, "");
  return `Traceback (most recent call last):\n  File "fake_odoo.py", line 1, in dispatch\n${shortName}: ${message}\n`;
}

/** Renders a model method's failure the way Odoo 19 does on each protocol. */
export function renderFailure(
  protocol: "json2" | "xmlrpc",
  failure: FakeOdooFailure,
): RecordedResponse {
  const { kind, message } = failure;
  if (protocol === "json2") {
    switch (kind) {
      case "validation":
        return json2Error(422, failure.exceptionName ?? "odoo.exceptions.ValidationError", message);
      case "access":
        return json2Error(403, "odoo.exceptions.AccessError", message);
      case "missing":
        return json2Error(404, "odoo.exceptions.MissingError", message);
      case "unknown-model":
        return json2Error(
          404,
          "werkzeug.exceptions.NotFound",
          `the model '${message}' does not exist`,
        );
      case "unknown-method":
        return json2Error(404, "werkzeug.exceptions.NotFound", message);
      case "bad-arguments":
        return json2Error(422, "werkzeug.exceptions.UnprocessableEntity", message);
      case "server":
        return json2Error(500, failure.exceptionName ?? "builtins.Exception", message);
    }
  }
  switch (kind) {
    case "validation":
    case "missing":
      return xmlrpcFault(2, message);
    case "unknown-model":
      // odoo/service/model.py execute_cr words it this way (a UserError, fault 2).
      return xmlrpcFault(2, `Object ${message} doesn't exist`);
    case "access":
      return xmlrpcFault(4, message);
    case "unknown-method":
      return xmlrpcFault(1, pythonTraceback("AttributeError", message));
    case "bad-arguments":
      return xmlrpcFault(1, pythonTraceback("TypeError", message));
    case "server":
      return xmlrpcFault(1, pythonTraceback(failure.exceptionName ?? "Exception", message));
  }
}
