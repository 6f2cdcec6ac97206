/** What a transport (SSE or WebSocket) reports to the push controller. */
export interface ConnectionHandlers {
  /** The connection is up (HTTP 200 event stream, or WebSocket open). */
  open(): void;
  /** Bytes or a frame arrived (resets the heartbeat). */
  alive(): void;
  /** One message: its text, the SSE event name (`message` for WebSocket) and the SSE event id. */
  message(text: string, event: string, id?: string): void;
  /** Server-suggested reconnect delay (SSE `retry:`). */
  retry?(ms: number): void;
  /** The connection failed or ended (never called after `close()`). `opened`: it had been open. */
  close(err: { kind: 'network' | 'http'; message: string; status?: number; opened: boolean }): void;
}

export interface PushConnection {
  close(): void;
  readonly lastEventId?: string;
}
