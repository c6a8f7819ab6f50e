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

/**
 * Resolves just after the next frame is painted (rAF, then a task queued from
 * it), saying whether `shown()` held as that frame began: what the DOM held in
 * the frame's rAF is what the frame painted.
 */
function afterPaint(shown: () => boolean = () => true): Promise<{ at: number; shown: boolean }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const held = shown();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ at: performance.now(), shown: held });
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
  /**
   * Of the last mount: until the first frame painted with every field in the
   * DOM (ours renders a very long section in chunks, each after the previous
   * one is painted; rjsf renders everything at once). Fields off screen are in
   * the DOM, the accessibility tree and the tab order; ours leaves their
   * layout and paint to when they scroll near (content-visibility: auto).
   */
  lastCompleteMs: 0,
  /**
   * `laidOut`: for a figure printed beside the goal's, not the goal's own:
   * every block of fields is laid out and painted at mount as rjsf's are (the
   * page's stylesheet turns content-visibility off under .bench-laid-out).
   */
  async mount(kind: "ours" | "rjsf", laidOut = false): Promise<number> {
    if (!container) throw new Error("no #root");
    root?.unmount();
    container.textContent = "";
    container.classList.toggle("bench-laid-out", laidOut);
    await afterPaint();
    const start = performance.now();
    root = createRoot(container);
    flushSync(() => root?.render(element(kind)));
    bench.lastRenderMs = performance.now() - start;
    // The same rule for both: the first frame that began with every field in the DOM (rjsf has no chunks to wait for).
    const allFields = () => kind === "rjsf" || container.querySelectorAll("[data-field]").length >= model.fields.length;
    let frame = await afterPaint(allFields);
    const firstPaint = frame.at - start;
    while (!frame.shown) frame = await afterPaint(allFields);
    bench.lastCompleteMs = frame.at - start;
    return firstPaint;
  },
  /** Empties the page, so that a mount measured next does not include the previous form's unmount. */
  unmount(): void {
    root?.unmount();
    root = null;
    if (container) container.textContent = "";
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
