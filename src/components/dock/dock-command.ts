import type { ControlCommand } from '../../sources/control/control-protocol.js';

/** The event every part of the dock fires for what the streamer asked; the dock's page posts it to the overlays. */
export const DOCK_COMMAND = 'ovl-dock-command';

/** Fires `command` from `host`, through the dock's shadow roots up to the page. */
export function sendCommand(host: HTMLElement, command: ControlCommand): void {
  host.dispatchEvent(new CustomEvent(DOCK_COMMAND, { detail: command, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    [DOCK_COMMAND]: CustomEvent<ControlCommand>;
  }
}
