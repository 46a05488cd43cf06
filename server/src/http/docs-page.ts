/**
 * The human-readable API page. Its script is served as a file (`/api/docs.js`) so the
 * Content-Security-Policy needs no inline scripts.
 */

/** A self-contained docs page (no CDN: the server may have no internet). */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>GovCraft API</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#0b0c0c}
h1{font-size:1.8rem} h2{margin-top:2rem;border-bottom:2px solid #1d4f91}
details{border:1px solid #b1b4b6;margin:.5rem 0;padding:.5rem;border-radius:4px}
summary{cursor:pointer} code,pre{font-family:ui-monospace,monospace;font-size:.9rem}
pre{background:#f3f2f1;padding:.5rem;overflow:auto}
.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
.get{color:#00703c}.post{color:#1d4f91}.put,.patch{color:#6a3fb5}.delete{color:#d4351c}
</style></head>
<body><main><h1>GovCraft API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<div id="docs" aria-live="polite">Loading…</div></main>
<script src="/api/docs.js"></script></body></html>`;

/** Renders /api/openapi.json into the page, grouped by tag. */
export const DOCS_SCRIPT = `fetch('/api/openapi.json').then(r=>r.json()).then(doc=>{
  const byTag={};
  for(const [path,ops] of Object.entries(doc.paths||{})) for(const [m,op] of Object.entries(ops)){
    const tag=(op.tags&&op.tags[0])||'other'; (byTag[tag]=byTag[tag]||[]).push({path,m,op});
  }
  const esc=s=>String(s).replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));
  const out=[];
  for(const tag of Object.keys(byTag).sort()){
    out.push('<h2>'+esc(tag)+'</h2>');
    for(const {path,m,op} of byTag[tag]){
      out.push('<details><summary><span class="m '+m+'">'+m+'</span> <code>'+esc(path)+'</code> — '+esc(op.summary||'')+'</summary><pre>'+esc(JSON.stringify({request:op.requestBody||op.parameters||null,responses:op.responses},null,2))+'</pre></details>');
    }
  }
  document.getElementById('docs').innerHTML=out.join('');
});
`;
