import type { OverlayParts } from '../boot/boot.js';
import type { ControlBody } from '../sources/control/control-protocol.js';

/**
 * The parts of an overlay the dock commands (the subathon timer, the end credits): the boot's one
 * control hook hands `control` every message of the control channel for this channel, and each
 * overlay acts on its own kinds (`timer`, `credits-roll`).
 */
export interface ControlledParts extends OverlayParts {
  control(message: ControlBody): void;
}
