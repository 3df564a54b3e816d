/**
 * Closes a WebSocket we are done with, after detaching its handlers, so its own close
 * (which may come later) is not taken for a dropped connection and reconnected.
 */
export function closeQuietly(socket: WebSocket | null): void {
  if (!socket) return;
  socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
  socket.close(1000);
}
