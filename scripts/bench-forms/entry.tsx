import Form from "@rjsf/core";
import validator from "@rjsf/validator-ajv8";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { BlueprintForm } from "@/components/blueprints/form/blueprint-form";
import { buildFormModel } from "@/lib/blueprints/form-model";
import { benchBlueprint } from "@/lib/blueprints/samples";
import { toJsonSchema } from "./json-schema";

/**
 * The bench page: mounts either renderer into #root on request and measures
 * in the page (performance.now + requestAnimationFrame), driven by
 * scripts/bench-forms.ts through Playwright.
 */

const LANGUAGES = ["en", "fr", "de"];
const FIELDS = Number(new URLSearchParams(location.search).get("fields") ?? "300");
const model = buildFormModel(benchBlueprint(FIELDS), { languages: LANGUAGES });
const { schema, uiSchema } = toJsonSchema(model);
const queryClient = new QueryClient();
const container = document.getElementById("root");
let root: Root | null = null;

/** Resolves just after the next frame is painted (rAF, then a task queued from it). */
function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

function element(kind: "ours" | "rjsf") {
  if (kind === "rjsf") return <Form schema={schema} uiSchema={uiSchema} validator={validator} onSubmit={() => undefined} />;
  return (
    <QueryClientProvider client={queryClient}>
      <BlueprintForm model={model} onSubmit={() => undefined} submitLabel="Save" />
    </QueryClientProvider>
  );
}

let pending: Promise<number> | null = null;
let keydownAt = 0;
let handledMs = NaN;

/** Keystroke latency: from the keydown's timestamp to the first frame after the DOM changed. */
document.addEventListener(
  "keydown",
  (event) => {
    const start = event.timeStamp;
    keydownAt = start;
    pending = new Promise((resolve) => {
      // The input event runs React's update synchronously (a discrete event); the frame after it shows the change.
      requestAnimationFrame(() => resolve(performance.now() - start));
    });
  },
  { capture: true },
);

/** Script time: React handles the input event on its root, below document, so this bubble listener runs after it. */
document.addEventListener("input", (event) => {
  handledMs = event.timeStamp >= keydownAt ? performance.now() - keydownAt : NaN;
});

const bench = {
  fields: FIELDS,
  /** Of the last mount: React's render and commit alone, before style, layout and paint. */
  lastRenderMs: 0,
  /** Of the last mount: until every field was in the DOM and painted (ours renders long sections in chunks). */
  lastCompleteMs: 0,
  async mount(kind: "ours" | "rjsf"): Promise<number> {
    if (!container) throw new Error("no #root");
    root?.unmount();
    container.textContent = "";
    await afterPaint();
    const start = performance.now();
    root = createRoot(container);
    flushSync(() => root?.render(element(kind)));
    bench.lastRenderMs = performance.now() - start;
    const firstPaint = (await afterPaint()) - start;
    if (kind === "ours") {
      while ((container.querySelectorAll("[data-field]").length ?? 0) < model.fields.length) await afterPaint();
      bench.lastCompleteMs = (await afterPaint()) - start;
    } else {
      bench.lastCompleteMs = firstPaint;
    }
    return firstPaint;
  },
  async lastKeystroke(): Promise<number> {
    if (!pending) throw new Error("no keystroke measured");
    const value = await pending;
    pending = null;
    return value;
  },
  /** Of the last keystroke: keydown to the end of the input event's handlers (the renderer's own work). */
  lastHandledMs(): number {
    return handledMs;
  },
  inputCount(): number {
    return container?.querySelectorAll("input, textarea, select").length ?? 0;
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
