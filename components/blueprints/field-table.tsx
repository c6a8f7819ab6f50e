import type { JsonObject } from "@/lib/blueprints/json-text";
import { fieldsOf, optionsOf, text } from "@/lib/blueprints/raw-fields";
import { DataTable } from "@/components/ui/data-table";

/** A version's fields as stored (declared order), every property as text. */
export function FieldTable({ document }: { document: JsonObject }) {
  const fields = fieldsOf(document);
  return (
    <DataTable caption="Fields" columns={["Order", "Name", "Label", "Type / widget", "Layer", "Flags", "Options / source", "Default", "Hint", "Semantic"]}>
      {fields.map((f, i) => {
        const options = Object.entries(optionsOf(f));
        const flags = [f.required === true ? "required" : "", text(f.cardinality) === "multiple" ? "multiple" : "", f.multilingual === true ? "multilingual" : ""].filter(Boolean);
        return (
          <tr key={`${text(f.name)}-${i}`} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
            <td className="px-4 py-2 font-mono">{text(f.order)}</td>
            <td className="px-4 py-2 font-mono">{text(f.name)}</td>
            <td className="px-4 py-2">{text(f.label)}</td>
            <td className="px-4 py-2">{text(f.type)} / {text(f.widget)}</td>
            <td className="px-4 py-2">{text(f.layer)}</td>
            <td className="px-4 py-2">{flags.join(", ") || "—"}</td>
            <td className="px-4 py-2 text-xs">
              {options.length ? options.map(([v, l]) => <div key={v}><span className="font-mono">{v}</span> → {l}</div>) : null}
              {text(f.source) ? <div className="font-mono">{text(f.source)}</div> : null}
              {!options.length && !text(f.source) ? "—" : null}
            </td>
            <td className="px-4 py-2 font-mono text-xs">{f.default === undefined || f.default === "" ? "—" : JSON.stringify(f.default)}</td>
            <td className="px-4 py-2 text-xs">{text(f.hint)}</td>
            <td className="px-4 py-2 font-mono text-xs">{text(f.semantic)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
