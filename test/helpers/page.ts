/** Opens an overlay page of this project in an iframe, as OBS would load it, and waits for it to boot. */
export async function openPage(path: string, size = { width: 800, height: 600 }): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = `${size.width}px`;
  frame.style.height = `${size.height}px`;
  frame.style.border = '0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Elements matching `selector` inside the shadow root of the page's `host` element. */
export function inShadow(frame: HTMLIFrameElement, host: string, selector: string): HTMLElement[] {
  const root = frame.contentDocument?.querySelector(host)?.shadowRoot;
  return root ? [...root.querySelectorAll<HTMLElement>(selector)] : [];
}
