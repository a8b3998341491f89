import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { checkWritable, writeFileAtomic } from "../../connector/cli/atomic-write.js";
import { loadConfigFile } from "../../connector/cli/config-file.js";
import { ConfigFileError, UsageError } from "../../connector/cli/errors.js";
import { csvField, outputFormatOf } from "../../connector/cli/policy-output.js";
import { createProgress } from "../../connector/cli/progress.js";
import { renderTable } from "../../connector/cli/table.js";

const directory = mkdtempSync(join(tmpdir(), "invseg-cli-modules-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  it("replaces the target in one step and leaves no temporary file", async () => {
    const path = join(directory, "out.json");
    writeFileSync(path, "old");
    await writeFileAtomic(path, "new");
    expect(readFileSync(path, "utf8")).toBe("new");
    expect(readdirSync(directory)).toEqual(["out.json"]);
  });

  it("leaves neither target nor temporary file when the write fails", async () => {
    const folder = join(directory, "target-is-a-folder");
    mkdirSync(folder);
    await expect(writeFileAtomic(folder, "x")).rejects.toThrow(UsageError);
    expect(readdirSync(directory).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    await expect(checkWritable(folder)).rejects.toThrow(/it is a folder/);
    await expect(checkWritable(join(directory, "nope", "x.json"))).rejects.toThrow(
      /does not exist/,
    );
    await expect(checkWritable(join(directory, "fine.json"))).resolves.toBeUndefined();
  });
});

describe("loadConfigFile", () => {
  it("fills defaults and notes whether the file chose the period", async () => {
    const path = join(directory, "cfg.json");
    writeFileSync(
      path,
      `\uFEFF${JSON.stringify({ period: "month", tiers: { critical: { serviceTarget: 0.995 } } })}`,
    );
    const loaded = await loadConfigFile(path);
    expect(loaded.periodFromFile).toBe(true);
    expect(loaded.config.period).toBe("month");
    expect(loaded.config.tiers.critical.serviceTarget).toBe(0.995);
    expect(loaded.config.tiers.essential.serviceTarget).toBe(0.97);
    expect((await loadConfigFile(undefined)).periodFromFile).toBe(false);
  });

  it("names the file and the JSON path of every problem", async () => {
    const path = join(directory, "bad.json");
    writeFileSync(path, JSON.stringify({ xyz: { x: -1 }, hysteresisRuns: 0 }));
    const error = await loadConfigFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as Error).message).toMatch(/^.*bad\.json: xyz\.x: .*; hysteresisRuns: /);
    await expect(loadConfigFile(join(directory, "absent.json"))).rejects.toThrow(
      /absent\.json: no such file/,
    );
  });
});

describe("output helpers", () => {
  it("quotes CSV fields only when needed (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField(0.93)).toBe("0.93");
    expect(csvField('critical: 3 parents, "A" class')).toBe('"critical: 3 parents, ""A"" class"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("picks the format from the extension", () => {
    expect(outputFormatOf("p.JSON")).toBe("json");
    expect(outputFormatOf("dir.v2/p.csv")).toBe("csv");
    expect(() => outputFormatOf("p.txt")).toThrow(UsageError);
  });

  it("aligns tables: text left, numbers right", () => {
    expect(
      renderTable(
        ["tier", "items"],
        [
          ["critical", "7"],
          ["standard", "120"],
        ],
      ),
    ).toBe("tier      items\n────────  ─────\ncritical      7\nstandard    120");
  });
});

describe("createProgress", () => {
  function fakeStream(isTTY: boolean) {
    const written: string[] = [];
    const stream = { isTTY, write: (text: string) => written.push(text) > 0 };
    return { stream: stream as unknown as NodeJS.WriteStream, written };
  }

  it("is silent when stderr is not a terminal", () => {
    const { stream, written } = fakeStream(false);
    const progress = createProgress("reading", stream);
    progress.update(0.5);
    progress.done();
    expect(written).toEqual([]);
  });

  it("draws a bar on a terminal once a step runs long, and clears it", () => {
    vi.useFakeTimers();
    const { stream, written } = fakeStream(true);
    const progress = createProgress("reading", stream);
    progress.update(0.1);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(600);
    progress.update(0.5);
    vi.useRealTimers();
    progress.done();
    expect(written[0]).toMatch(/^\rreading █+░+ 50%$/);
    expect(written[1]).toBe("\r\x1b[K");
  });
});
