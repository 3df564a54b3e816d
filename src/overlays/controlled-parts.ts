import type { OverlayParts } from '../boot/boot.js';
import type { WidgetCommand } from '../domain/widget-commands.js';

/**
 * The parts of an overlay the dock commands (the subathon timer, the end credits): its
 * `control` takes the command from the control channel, as phase 2's design gives the boot one
 * hook that hands each overlay its own commands.
 */
export interface ControlledParts extends OverlayParts {
  control(command: WidgetCommand): void;
}
