// Validates the API's real answers against its OpenAPI document (OpenAPI 3.1, whose schemas are
// JSON Schema 2020-12) with ajv. OpenApiContractTests writes into OPENAPI_CONTRACT_DIR:
//   openapi.json     the document the app served
//   answers/*.json   one answer each: { method, url, status, contentType, body } (body as text)
//   manifest.json    { notProduced: { "METHOD /path status": "why no request can produce it" } }
// Each answer must match a documented path and method, a documented status, a documented content
// type, and the schema given for them. Every operation must have at least one answer, and every
// documented status must have been answered unless the manifest says why it cannot be.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const folder = process.env.OPENAPI_CONTRACT_DIR;
const readJson = (...parts) => JSON.parse(readFileSync(join(folder, ...parts), "utf8"));
const document = folder ? readJson("openapi.json") : { paths: {} };
const answers = folder ? readdirSync(join(folder, "answers")).sort().map((file) => readJson("answers", file)) : [];
const { notProduced = {} } = folder ? readJson("manifest.json") : {};

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

// --- $refs ----------------------------------------------------------------------------------------
// Non-schema objects (responses, media types) are resolved here by JSON pointer. Schemas stay as
// references: the document's components become one schema resource with $defs, and every
// "#/components/schemas/X" becomes a reference into it, so recursive schemas keep working.
const COMPONENTS = "https://stretching.example/openapi/components";

function pointer(ref) {
  assert.ok(ref.startsWith("#/"), `only references inside the document are supported: ${ref}`);
  return ref.slice(2).split("/").map((part) => decodeURIComponent(part).replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((node, key) => {
      assert.ok(node && key in node, `the document has nothing at ${ref}`);
      return node[key];
    }, document);
}

function resolve(node) {
  const seen = new Set();
  while (node && typeof node.$ref === "string") {
    assert.ok(!seen.has(node.$ref), `circular reference ${node.$ref}`);
    seen.add(node.$ref);
    node = pointer(node.$ref);
  }
  return node;
}

function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") {
      const match = /^#\/components\/schemas\/([^/]+)$/.exec(value);
      assert.ok(match, `a schema reference that does not name a component: ${value}`);
      copy.$ref = `${COMPONENTS}#/$defs/${match[1]}`;
    } else {
      copy[key] = toJsonSchema(value);
    }
  }
  return copy;
}

// strict: an unknown keyword or format in the document is an error, not silently ignored.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
// Keywords of the OpenAPI 3.1 base vocabulary that JSON Schema itself does not define.
ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
ajv.addSchema({ $id: COMPONENTS, $defs: toJsonSchema(document.components?.schemas ?? {}) });

const validators = new Map();
function validatorFor(key, schema) {
  if (!validators.has(key)) validators.set(key, ajv.compile(toJsonSchema(schema)));
  return validators.get(key);
}

// --- operations -----------------------------------------------------------------------------------
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  METHODS.filter((method) => item[method]).map((method) => {
    const segments = path.split("/");
    const pattern = segments.map((s) => (/^\{[^}]+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/");
    return {
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      operation: item[method],
      regex: new RegExp(`^${pattern}/?$`, "i"),
      literals: segments.filter((s) => !s.startsWith("{")).length,
    };
  }));

/** The operation a request went to: literal segments win over parameters, as in ASP.NET Core routing. */
function operationFor(method, url) {
  const path = new URL(url, "http://api.invalid").pathname;
  return operations
    .filter((o) => o.method === method && o.regex.test(path))
    .sort((a, b) => b.literals - a.literals)[0];
}

function documentedResponse(responses, status) {
  const code = String(status);
  const key = [code, `${code[0]}XX`, `${code[0]}xx`, "default"].find((k) => k in responses);
  return key ? { key, response: resolve(responses[key]) } : undefined;
}

function documentedMediaType(content, contentType) {
  const media = contentType.split(";")[0].trim().toLowerCase();
  const [type] = media.split("/");
  return [media, `${type}/*`, "*/*"].find((k) => k in content);
}

const isJson = (media) => /^application\/([\w.-]+\+)?json$/.test(media) || media.endsWith("+json");

function describeErrors(errors, value, shown = 12) {
  const lines = errors.slice(0, shown).map((e) => {
    const at = e.instancePath || "(the body)";
    const found = e.instancePath.split("/").slice(1).reduce((v, k) => (v == null ? v : v[k.replaceAll("~1", "/").replaceAll("~0", "~")]), value);
    return `  ${at} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""}; found ${JSON.stringify(found)?.slice(0, 160)}`;
  });
  if (errors.length > shown) lines.push(`  and ${errors.length - shown} more`);
  return lines.join("\n");
}

// --- tests ----------------------------------------------------------------------------------------
const answered = new Map(); // operation key -> Set of documented response keys answered

test("the contract folder holds a document and answers", () => {
  assert.ok(folder, "OPENAPI_CONTRACT_DIR is not set");
  assert.match(String(document.openapi), /^3\.1\./, "an OpenAPI 3.1 document");
  assert.ok(operations.length > 0, "the document has no operations");
  assert.ok(answers.length > 0, "no answers were written");
});

test("every schema of the document compiles as JSON Schema 2020-12, with no keyword or format unknown", () => {
  for (const name of Object.keys(document.components?.schemas ?? {})) {
    assert.doesNotThrow(() => ajv.compile({ $ref: `${COMPONENTS}#/$defs/${name}` }), `components/schemas/${name}`);
  }
});

for (const answer of answers) {
  const name = `${answer.method} ${answer.url.length > 80 ? `${answer.url.slice(0, 80)}…` : answer.url} answered ${answer.status}`;
  test(name, () => {
    const target = operationFor(answer.method, answer.url);
    assert.ok(target, `${answer.method} ${answer.url} is not a path and method of the document`);
    const responses = target.operation.responses ?? {};
    const documented = documentedResponse(responses, answer.status);
    assert.ok(documented, `${target.key} answered ${answer.status}, which the document does not list (it lists ${Object.keys(responses).join(", ")})`);
    if (!answered.has(target.key)) answered.set(target.key, new Set());
    answered.get(target.key).add(documented.key);

    const content = documented.response.content ?? {};
    if (answer.body === "") {
      assert.deepEqual(Object.keys(content), [], `${target.key} ${documented.key} answered with no body, but the document promises ${Object.keys(content).join(", ")}`);
      return;
    }
    assert.ok(answer.contentType, `${target.key} ${documented.key} answered a body without a Content-Type`);
    const mediaKey = documentedMediaType(content, answer.contentType);
    assert.ok(mediaKey, `${target.key} ${documented.key} answered ${answer.contentType}, which the document does not list (it lists ${Object.keys(content).join(", ") || "no content"})`);
    const schema = content[mediaKey].schema;
    if (!schema) return;

    const media = answer.contentType.split(";")[0].trim().toLowerCase();
    let value = answer.body;
    if (isJson(media)) {
      try {
        value = JSON.parse(answer.body);
      } catch (error) {
        assert.fail(`${target.key} ${documented.key} answered ${media} that is not JSON: ${error.message}`);
      }
    }
    const validate = validatorFor(`${target.key} ${documented.key} ${mediaKey}`, schema);
    if (!validate(value)) {
      assert.fail(`${target.key} ${documented.key} ${mediaKey}: the body does not match the document's schema\n${describeErrors(validate.errors, value)}`);
    }
  });
}

test("every route of the document has a validated answer", () => {
  const missing = operations.map((o) => o.key).filter((key) => !answered.has(key));
  assert.deepEqual(missing, [], `no case asks these routes: add one to tests/Stretching.Web.Tests/Apis/OpenApiContractTests.cs`);
});

test("every documented status was answered, or the test says why it cannot be", () => {
  const missing = [];
  const stale = [];
  for (const o of operations) {
    for (const status of Object.keys(o.operation.responses ?? {})) {
      const key = `${o.key} ${status}`;
      const wasAnswered = answered.get(o.key)?.has(status) ?? false;
      if (!wasAnswered && !(key in notProduced)) missing.push(key);
      if (wasAnswered && key in notProduced) stale.push(key);
    }
  }
  for (const key of Object.keys(notProduced)) {
    const [method, path, status] = key.split(" ");
    const o = operations.find((x) => x.key === `${method} ${path}`);
    if (!o || !(status in (o.operation.responses ?? {}))) stale.push(`${key} (no longer documented)`);
  }
  assert.deepEqual(missing, [], "documented but never answered: add a case, or list it in NotProduced with the reason");
  assert.deepEqual(stale, [], "listed in NotProduced but answered after all, or no longer documented: remove it from the list");
});
