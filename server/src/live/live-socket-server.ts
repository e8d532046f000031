// The WebSocket server the live channel is served with. Devices never send anything on it, so a
// frame over a few bytes is refused (ws closes with 1009) instead of being buffered: ws's default
// would hold up to 100 MB per message.
import { WebSocketServer } from 'ws';

export const LIVE_MAX_FRAME_BYTES = 1024;

export function createLiveSocketServer(): WebSocketServer {
  return new WebSocketServer({ noServer: true, maxPayload: LIVE_MAX_FRAME_BYTES });
}
