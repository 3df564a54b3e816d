import type { SceneCommand } from './chat-commands.js';

/**
 * The studio's generated picture: a background in the colour chat chose, a sweeping bar and
 * a frame counter (so motion and dropped frames are visible), the tone, and the last chat
 * line. Chat text is drawn as canvas text, never parsed as markup.
 */
export class StudioScene {
  colour = '#1e88e5';
  frequency = 0;
  lastChat = '';

  apply(command: SceneCommand, by: string): void {
    if ('colour' in command) this.colour = command.colour;
    else this.frequency = command.frequency;
    this.lastChat = `${by}: ${'colour' in command ? command.name : `${command.frequency} Hz`}`;
  }

  draw(context: CanvasRenderingContext2D, index: number): void {
    const { width, height } = context.canvas;
    context.fillStyle = this.colour;
    context.fillRect(0, 0, width, height);
    context.fillStyle = 'rgba(255, 255, 255, 0.35)';
    const bar = Math.max(4, width / 40);
    context.fillRect(((index * bar) / 2) % (width + bar) - bar, 0, bar, height);
    context.fillStyle = '#fff';
    const size = Math.round(height / 12);
    context.font = `700 ${size}px system-ui, sans-serif`;
    context.textBaseline = 'top';
    context.fillText(`frame ${index}`, size, size);
    context.fillText(this.frequency > 0 ? `${this.frequency} Hz` : 'silence', size, size * 2.4);
    if (this.lastChat) {
      context.font = `${Math.round(size * 0.7)}px system-ui, sans-serif`;
      context.fillText(this.lastChat, size, height - size * 1.8, width - size * 2);
    }
  }
}
