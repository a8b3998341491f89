/**
 * Maps an Odoo XML-RPC fault to the same typed error JSON-2 gives for the same failure.
 * Faults come with HTTP 200 and a code (`addons/rpc/controllers/xmlrpc.py`):
 * 1 any other exception (faultString is the traceback), 2 UserError/ValidationError,
 * 3 AccessDenied, 4 AccessError. Codes 2–4 carry only the message, so the few cases JSON-2
 * reports as 404 are recognised by Odoo's own wording (`odoo/service/model.py`).
 */
import {
  OdooAccessError,
  OdooAuthError,
  type OdooError,
  OdooNotFoundError,
  OdooServerError,
  OdooValidationError,
} from "./errors.js";
import type { RequestContext } from "./requestContext.js";

const UNKNOWN_MODEL = /^Object \S+ doesn't exist$/;
const MISSING_RECORD = /^Record does not exist or has been deleted\./;
const UNKNOWN_METHOD = /^The method '.+' does not exist$/;
const UNKNOWN_DATABASE = /database ".*" does not exist/;
/** Python's own wording when arguments do not fit the signature; JSON-2 answers these with 422. */
const BAD_ARGUMENTS = /\b(argument|arguments)\b/;
/** Odoo cannot marshal a method's `None` result (allow_none=False) after the call committed. */
export const NONE_RESULT_FAULT = "TypeError: cannot marshal None unless allow_none is enabled";

export function isNoneResultFault(faultCode: number | string, faultString: string): boolean {
  return String(faultCode) === "1" && faultString.trimEnd().endsWith(NONE_RESULT_FAULT);
}

export function errorFromFault(
  faultCode: number | string,
  faultString: string,
  context: RequestContext,
): OdooError {
  const text = context.redact(faultString.trim());
  const base = { model: context.model, method: context.method, transport: context.transport };
  switch (String(faultCode)) {
    case "3":
      return new OdooAuthError(text || "access denied", {
        ...base,
        exceptionName: "odoo.exceptions.AccessDenied",
        serverMessage: text,
      });
    case "4":
      return new OdooAccessError(text, {
        ...base,
        exceptionName: "odoo.exceptions.AccessError",
        serverMessage: text,
      });
    case "2": {
      if (UNKNOWN_MODEL.test(text)) {
        return new OdooNotFoundError(text, {
          ...base,
          exceptionName: "odoo.exceptions.UserError",
          serverMessage: text,
        });
      }
      if (MISSING_RECORD.test(text)) {
        return new OdooNotFoundError(text, {
          ...base,
          exceptionName: "odoo.exceptions.MissingError",
          serverMessage: text,
        });
      }
      // Fault 2 does not say which UserError subclass it was.
      return new OdooValidationError(text, {
        ...base,
        exceptionName: "odoo.exceptions.UserError",
        serverMessage: text,
      });
    }
    default:
      return errorFromTraceback(text, base);
  }
}

/** Fault 1: the last line of the traceback is `<exception>: <message>`. */
function errorFromTraceback(
  traceback: string,
  base: Pick<RequestContext, "model" | "method" | "transport">,
): OdooError {
  const { exceptionName, message } = lastException(traceback);
  const details = { ...base, exceptionName, serverMessage: message, serverTrace: traceback };
  if (exceptionName === "builtins.AttributeError" && UNKNOWN_METHOD.test(message)) {
    return new OdooNotFoundError(message, details);
  }
  if (UNKNOWN_DATABASE.test(message)) return new OdooNotFoundError(message, details);
  if (exceptionName === "builtins.TypeError" && BAD_ARGUMENTS.test(message)) {
    return new OdooValidationError(message, details);
  }
  return new OdooServerError(message || "server error", details);
}

function lastException(traceback: string): { exceptionName: string | undefined; message: string } {
  const lines = traceback.split("\n").filter((line) => line.trim() !== "");
  // The exception line is the last one that starts at column 0 (frames and code are indented).
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] ?? "";
    const match = /^([A-Za-z_][\w.]*): ?(.*)$/.exec(line);
    if (match && !line.startsWith(" ")) {
      const name = match[1] ?? "";
      const message = [match[2] ?? "", ...lines.slice(index + 1)].join("\n").trim();
      return { exceptionName: name.includes(".") ? name : `builtins.${name}`, message };
    }
  }
  return { exceptionName: undefined, message: lines.at(-1)?.trim() ?? "" };
}
