// Offline schema checks for what bmc-exporter ships, run by the packaging tests (tests/BmcExporter.Tests/Packaging).
//
//   node check.mjs kubernetes RENDERED.yaml...   objects of `helm template` output
//   node check.mjs grafana DASHBOARD.json...      Grafana dashboards
//
// Kubernetes objects are checked twice: by the model's validate() (the upstream OpenAPI schema compiled by
// kubernetes-models: types, required fields, formats and patterns), and by the TypeScript compiler against the
// model's interface, whose excess-property check rejects a field the schema does not know (validate() accepts
// unknown fields). Dashboards are type-checked the same way against @grafana/schema's Dashboard type.
// Prints one line per problem and exits 1 when there is any; prints a summary and exits 0 otherwise.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));

/** The module of a Kubernetes kind: core and API groups from kubernetes-models, CRDs of prometheus-operator. */
function modelModule(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "monitoring.coreos.com") {
    return `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}/${kind}`;
  }
  return group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
}

// JSON cannot name a TypeScript enum member; @grafana/schema types use string enums (e.g. MappingType.ValueToText
// = "value"). Json<T> is T with every enum replaced by the union of its values, everything else unchanged, so a
// JSON literal is checked against exactly the values the enums allow.
const jsonType = `type Json<T> = T extends string ? (string extends T ? string : \`\${T}\`)
  : T extends number | boolean | null | undefined ? T
  : T extends readonly (infer U)[] ? Json<U>[]
  : T extends object ? { [K in keyof T]: Json<T[K]> }
  : T;`;

/**
 * Type-checks `entries` ({ module, type, value, label }) as object literals; returns one message per error.
 * With `enumsAsValues`, each type is seen through Json<T>.
 */
function typeCheck(entries, enumsAsValues = false) {
  const work = mkdtempSync(join(here, ".work-"));
  try {
    const lines = [];
    const owner = [];
    entries.forEach((e, i) => {
      lines.push(`import type { ${e.type} as T${i} } from ${JSON.stringify(e.module)};`);
      owner.push(null);
    });
    lines.push(jsonType);
    owner.push(null);
    entries.forEach((e, i) => {
      const type = enumsAsValues ? `Json<T${i}>` : `T${i}`;
      const text = `export const o${i}: ${type} = ${JSON.stringify(e.value, null, 1)};`.split("\n");
      for (const line of text) {
        lines.push(line);
        owner.push(i);
      }
    });
    writeFileSync(join(work, "prom-dashboard.ts"), promDashboard);
    const file = join(work, "objects.ts");
    writeFileSync(file, lines.join("\n") + "\n");
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, "\n  ");
      if (!d.file || d.start === undefined) {
        return `typescript: ${text}`;
      }
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      const at = owner[line];
      const source = d.file.text.split("\n")[line].trim();
      return `${at === null || at === undefined ? "checker" : entries[at].label}: ${text}\n  at: ${source}`;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function checkKubernetes(files) {
  const problems = [];
  const entries = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
      if (doc.errors.length > 0) {
        problems.push(`${file}: YAML: ${doc.errors[0].message}`);
        continue;
      }
      const obj = doc.toJS();
      if (obj === null || obj === undefined) {
        continue;
      }
      const label = `${basename(file)} ${obj.kind}/${obj.metadata?.name}`;
      if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
        problems.push(`${label}: no apiVersion or kind`);
        continue;
      }
      const module = modelModule(obj.apiVersion, obj.kind);
      let model;
      try {
        model = (await import(module))[obj.kind];
      } catch {
        problems.push(`${label}: no schema for ${obj.apiVersion} ${obj.kind} (${module})`);
        continue;
      }
      try {
        new model(obj).validate();
      } catch (error) {
        problems.push(`${label}: ${error.message}`);
      }
      entries.push({ module, type: `I${obj.kind}`, value: obj, label });
    }
  }
  problems.push(...typeCheck(entries));
  return { problems, checked: `${entries.length} Kubernetes objects` };
}

// @grafana/schema leaves a data source's query fields to the plugin: AnnotationQuery<TQuery> takes them as a type
// parameter, and the Prometheus plugin reads titleFormat/textFormat/tagKeys/useValueForTime beside the query.
// PromDashboard is Dashboard with exactly those Prometheus fields declared for annotations; nothing else is loosened.
const promDashboard = `import type { Dashboard, AnnotationQuery, DataQuery } from "@grafana/schema";
type PromQuery = DataQuery & { expr: string; interval?: string; legendFormat?: string; instant?: boolean; range?: boolean };
type PromAnnotation = AnnotationQuery<PromQuery> & { titleFormat?: string; textFormat?: string; tagKeys?: string; useValueForTime?: boolean };
export type PromDashboard = Omit<Dashboard, "annotations"> & { annotations?: { list?: PromAnnotation[] } };
`;

function checkGrafana(files) {
  const entries = files.map((file) => ({
    module: "./prom-dashboard.js",
    type: "PromDashboard",
    value: JSON.parse(readFileSync(file, "utf8")),
    label: basename(file),
  }));
  return { problems: typeCheck(entries, true), checked: `${entries.length} dashboards` };
}

const [mode, ...files] = process.argv.slice(2);
if (!["kubernetes", "grafana"].includes(mode) || files.length === 0) {
  console.error("usage: node check.mjs kubernetes|grafana FILE...");
  process.exit(2);
}
const { problems, checked } = mode === "kubernetes" ? await checkKubernetes(files) : checkGrafana(files);
if (problems.length > 0) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log(`OK: ${checked} valid`);
