// API reference rendered offline from /openapi.json (FastAPI's Swagger UI would load from a CDN).
"use strict";
(async function () {
  const box = document.getElementById("ops");
  const spec = await (await fetch("/openapi.json")).json();
  const add = (parent, tag, text, cls) => {
    const n = document.createElement(tag);
    if (text != null) n.textContent = text;
    if (cls) n.className = cls;
    parent.append(n);
    return n;
  };
  add(box, "p", spec.info.description || "");
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const div = add(box, "div", null, "op");
      const h = add(div, "h3");
      add(h, "span", method, "method");
      add(h, "code", path);
      add(div, "p", op.summary || "");
      const params = op.parameters || [];
      if (params.length) {
        const ul = add(div, "ul");
        for (const p of params) {
          const s = p.schema || {};
          const type = s.type || (s.anyOf || []).map((x) => x.type).filter(Boolean).join(" | ");
          add(ul, "li", `${p.name} (${p.in}, ${type || "any"}${p.required ? ", required" : ""})`);
        }
      }
      const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
      if (body && body.schema && body.schema.$ref) {
        const name = body.schema.$ref.split("/").pop();
        const schema = spec.components.schemas[name];
        add(div, "p", "JSON body:");
        const ul = add(div, "ul");
        for (const [k, v] of Object.entries(schema.properties || {})) {
          const req = (schema.required || []).includes(k) ? ", required" : "";
          add(ul, "li", `${k}${req}: ${v.description || ""}`);
        }
      }
    }
  }
})();
