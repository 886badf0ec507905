// `npm test` step: no import cycle between files, and none between feature folders.
// Imports are read and resolved by the TypeScript compiler with each package's own tsconfig, so path
// forms (relative, workspace package, extension-less) resolve exactly as tsc and the bundlers see them.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const packages = [
  { name: "backend", tsconfig: "backend/tsconfig.json", features: "backend/src" },
  { name: "webapp", tsconfig: "frontend/webapp/tsconfig.json", features: "frontend/webapp/src" },
  { name: "shared", tsconfig: "shared/tsconfig.json", features: "shared/src" },
];

const unresolved = [];

/** The files of a package and, for each, the project files it imports (type-only imports included). */
function importGraph({ tsconfig }) {
  const configPath = join(root, tsconfig);
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath));
  const host = ts.createCompilerHost(parsed.options);
  const graph = new Map();
  for (const file of parsed.fileNames) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = [];
    for (const { fileName } of info.importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, parsed.options, host).resolvedModule;
      // tsc does not check a side-effect import (`import "./x"`); a path that leads nowhere is caught here.
      if (!resolved && fileName.startsWith(".") && !/\.(css|svg|png|html)(\?.*)?$/.test(fileName)) {
        unresolved.push(`${relative(root, file)}: cannot find "${fileName}"`);
        continue;
      }
      if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.includes("node_modules")) continue;
      if (resolved.resolvedFileName.endsWith(".d.ts")) continue;
      targets.push(relative(root, resolved.resolvedFileName));
    }
    graph.set(relative(root, file), targets);
  }
  return graph;
}

/** Strongly connected components with more than one member, or a member that imports itself (Tarjan). */
function cycles(graph) {
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    indexOf.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indexOf.get(next)));
      }
    }
    if (low.get(node) !== indexOf.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return found;
}

/**
 * A file that only re-exports another module (an entry point kept under a well-known name, such as
 * components/SignupForm.tsx for the signup feature) is an alias, not a dependency of its folder.
 */
const isAlias = (file) =>
  readFileSync(join(root, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")
    .split(";")
    .every(
      (statement) =>
        statement.trim() === "" || /^export\s+(type\s+)?(\*|\{[^}]*\})\s+from\s+["'][^"']+["']$/.test(statement.trim()),
    );

const isTestCode = (file) => /\.(test|e2e\.test|fault\.test)\.tsx?$/.test(file) || file.includes("/test-support/");

/**
 * The feature folder a file belongs to: the first folder below the package's source root (webapp:
 * the folder below features/ for feature code). Files directly in the source root compose the
 * features (app.ts, deps.ts, main.tsx) and are left out, as is test code, which may reach anywhere.
 */
function featureOf(file, featuresRoot) {
  const inside = relative(featuresRoot, file).split("/");
  if (inside.length < 2) return undefined;
  if (inside[0] === "features" && inside.length > 2) return `features/${inside[1]}`;
  return inside[0];
}

const problems = [];
for (const pkg of packages) {
  const graph = importGraph(pkg);
  for (const component of cycles(graph)) {
    problems.push(`${pkg.name}: import cycle between files:\n    ${component.join("\n    ")}`);
  }
  const featuresRoot = join(root, pkg.features);
  const folders = new Map();
  for (const [file, targets] of graph) {
    if (isTestCode(file) || isAlias(file)) continue;
    const from = featureOf(join(root, file), featuresRoot);
    if (!from) continue;
    const edges = folders.get(from) ?? new Set();
    for (const target of targets) {
      const to = featureOf(join(root, target), featuresRoot);
      if (to && to !== from) edges.add(to);
    }
    folders.set(from, edges);
  }
  const folderGraph = new Map([...folders].map(([k, v]) => [k, [...v]]));
  for (const component of cycles(folderGraph)) {
    const witnesses = [];
    for (const [file, targets] of graph) {
      if (isTestCode(file) || isAlias(file)) continue;
      const from = featureOf(join(root, file), featuresRoot);
      if (!from || !component.includes(from)) continue;
      for (const target of targets) {
        const to = featureOf(join(root, target), featuresRoot);
        if (to && to !== from && component.includes(to)) witnesses.push(`${file} → ${target}`);
      }
    }
    problems.push(
      `${pkg.name}: feature folders import each other: ${component.join(" ↔ ")}\n    ${witnesses.join("\n    ")}`,
    );
  }
}

problems.push(...unresolved);
if (problems.length > 0) {
  console.error(problems.join("\n\n"));
  process.exit(1);
}
console.log("No import cycles between files or feature folders.");
