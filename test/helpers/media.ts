/** A moving canvas and a tone as one MediaStream: the simplest thing a publisher can send. */
export function testStream(width = 320, height = 180, fps = 30): { stream: MediaStream; stop(): void } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  let frame = 0;
  const timer = setInterval(() => {
    context.fillStyle = `hsl(${(frame += 7) % 360} 80% 50%)`;
    context.fillRect(0, 0, width, height);
  }, 1000 / fps);
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  const destination = audio.createMediaStreamDestination();
  tone.connect(destination);
  tone.start();
  const stream = new MediaStream([...canvas.captureStream(fps).getVideoTracks(), ...destination.stream.getAudioTracks()]);
  return {
    stream,
    stop() {
      clearInterval(timer);
      stream.getTracks().forEach((track) => track.stop());
      void audio.close();
    },
  };
}
