// Injected into each real-path benchmark page (the built overlay or a baseline) by
// test/bench/real-path.ts, as plain script text. Records, per line (by data-id), when it was
// first on screen: an IntersectionObserver entry is computed in the frame's rendering step, so
// "intersecting" means the line was laid out inside the visible list in a painted frame. A
// line added and removed before any frame is never seen. Also records rAF frame intervals.
// `list` is 'ovl' (the <ovl-chat> list in its shadow root) or 'plain' (#list).
(list) => {
  const root = list === 'ovl' ? document.querySelector('ovl-chat')?.shadowRoot?.querySelector('[part="base"]') : document.querySelector('#list');
  if (!root) throw new Error('no chat list on the page');
  const shown = [];
  const seen = new Set();
  const io = new IntersectionObserver((entries) => {
    const now = Date.now();
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const id = entry.target.dataset.id;
      if (!seen.has(id)) {
        seen.add(id);
        shown.push([id, now]);
      }
      io.unobserve(entry.target);
    }
  });
  const mo = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof HTMLElement && node.dataset.id) io.observe(node);
      for (const node of record.removedNodes) if (node instanceof HTMLElement) io.unobserve(node);
    }
  });
  mo.observe(root, { childList: true });
  const frames = [];
  let last = 0;
  let running = true;
  const tick = (t) => {
    if (last) frames.push(t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.benchOnScreen = () => {
    running = false;
    mo.disconnect();
    io.disconnect();
    const box = root.getBoundingClientRect();
    let visible = 0;
    for (const el of root.children) {
      const r = el.getBoundingClientRect();
      if (el.dataset.id && r.bottom > box.top && r.top < box.bottom) visible += 1;
    }
    const chat = document.querySelector('ovl-chat');
    return { shown, frames, visible, skipped: chat ? chat.skippedLines : null };
  };
}
