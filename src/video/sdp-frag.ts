/**
 * The body of a trickle PATCH (RFC 8840 `application/trickle-ice-sdpfrag`, RFC 9725 §4.3.1):
 * the ICE credentials and the first media section's mid from our offer, then the candidates.
 * With max-bundle every candidate belongs to that first section.
 */
export function trickleFragment(offer: string, candidates: readonly string[], complete: boolean): string {
  const line = (pattern: RegExp) => pattern.exec(offer)?.[0] ?? '';
  const media = /^m=(\w+) /m.exec(offer)?.[1] ?? 'audio';
  return [
    line(/^a=ice-ufrag:.*$/m),
    line(/^a=ice-pwd:.*$/m),
    `m=${media} 9 UDP/TLS/RTP/SAVPF 0`,
    line(/^a=mid:.*$/m),
    ...candidates.map((candidate) => `a=${candidate}`),
    ...(complete ? ['a=end-of-candidates'] : []),
  ]
    .filter(Boolean)
    .join('\r\n')
    .concat('\r\n');
}
