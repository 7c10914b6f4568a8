/**
 * The benchmark's floor: the smallest Custom UI page that shows an issue's evidence —
 * the sandbox bridge, one `invoke` of the panel's read, the score written as text, no
 * framework. The real panel's time to first evidence is reported as a ratio to this.
 */
export const FLOOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><script src="/sandbox/bridge.js"></script><title>floor</title></head>
<body><div id="root"></div>
<script>
  window.__bridge.callBridge('invoke', { functionKey: 'panel/getEvidence', payload: {} }).then(function (result) {
    var out = document.createElement('div');
    out.setAttribute('data-testid', 'floor-evidence');
    out.textContent = result && result.ok && result.value.impact ? String(result.value.impact.score.score) : 'none';
    document.getElementById('root').appendChild(out);
  });
</script></body></html>`;
