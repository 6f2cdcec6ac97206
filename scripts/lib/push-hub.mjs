// A small push server core shared by the browser tests (test/browser/fixtures/push-server.mjs) and the demo's Vite
// plugin (scripts/push-server-plugin.mjs): Server-Sent Events on plain Node http responses and WebSocket through the
// `ws` package (dev dependency), grouped in named channels. Messages follow civic-widgets' push protocol (README,
// "Live data"): JSON text, `{"type":"replace","data":…}`, `{"type":"patch","data":[…]}` or `{"type":"ping"}`.
import { WebSocketServer } from 'ws';

export class PushHub {
  constructor() {
    /** @type {Map<string, Channel>} */
    this.channels = new Map();
  }

  /** @returns {Channel} */
  channel(name) {
    let c = this.channels.get(name);
    if (!c) {
      c = new Channel(name);
      this.channels.set(name, c);
    }
    return c;
  }

  /** Serves one SSE request on a channel (Node req/res; the caller has routed it). */
  serveSse(name, req, res) {
    const c = this.channel(name);
    c.connections++;
    c.requests.push({ headers: { ...req.headers }, lastEventId: req.headers['last-event-id'] ?? null });
    const start = () => {
      if (req.destroyed || res.destroyed) return;
      if (c.refuse) {
        res.writeHead(c.refuse, { 'Content-Type': 'text/plain' });
        res.end('refused');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
      res.flushHeaders?.();
      req.socket.setTimeout?.(0);
      req.socket.setNoDelay?.(true);
      const client = {
        kind: 'sse',
        send: (text, o = {}) => {
          let frame = '';
          if (o.event) frame += `event: ${o.event}\n`;
          if (o.id !== undefined) frame += `id: ${o.id}\n`;
          for (const line of String(text).split(/\r\n|\r|\n/)) frame += `data: ${line}\n`;
          res.write(frame + '\n');
        },
        ping: () => res.write(': ping\n\n'),
        cut: () => res.destroy(),
      };
      c.clients.add(client);
      const drop = () => c.clients.delete(client);
      req.on('close', drop);
      res.on('close', drop);
      c.onConnect?.(client);
    };
    if (c.connectDelay > 0) setTimeout(start, c.connectDelay);
    else start();
  }

  /** Starts a WebSocket server on 127.0.0.1 (a free port unless given); channel = `?ch=` of the URL. */
  async listenWs(port = 0) {
    const chOf = (req) => this.channel(new URL(req.url ?? '/', 'http://x').searchParams.get('ch') ?? 'default');
    const wss = new WebSocketServer({
      host: '127.0.0.1',
      port,
      // A refused channel fails the handshake with its HTTP status, as a proxy or an auth gateway would.
      verifyClient: (info, cb) => {
        const c = chOf(info.req);
        if (!c.refuse) return cb(true);
        c.connections++;
        c.requests.push({ headers: { ...info.req.headers }, refused: c.refuse });
        cb(false, c.refuse);
      },
    });
    await new Promise((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    wss.on('connection', (ws, req) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const c = chOf(req);
      c.connections++;
      c.requests.push({ headers: { ...req.headers }, protocol: ws.protocol, query: Object.fromEntries(url.searchParams) });
      const client = {
        kind: 'ws',
        send: (text) => ws.send(String(text)),
        ping: () => ws.send('{"type":"ping"}'),
        cut: () => ws.terminate(),
      };
      const begin = () => {
        if (ws.readyState !== ws.OPEN) return;
        c.clients.add(client);
        c.onConnect?.(client);
      };
      ws.on('close', () => c.clients.delete(client));
      ws.on('error', () => c.clients.delete(client));
      if (c.connectDelay > 0) setTimeout(begin, c.connectDelay);
      else begin();
    });
    this.wss = wss;
    return /** @type {import('node:net').AddressInfo} */ (wss.address()).port;
  }

  /**
   * Answers WebSocket upgrades for paths starting with `prefix` on an existing http server (Vite's dev server); other
   * upgrades (Vite's own HMR socket) are left alone. Channel = `?ch=` of the URL.
   */
  attachWs(httpServer, prefix) {
    const wss = new WebSocketServer({ noServer: true });
    httpServer.on('upgrade', (req, socket, head) => {
      if (!(req.url ?? '').startsWith(prefix)) return;
      wss.handleUpgrade(req, socket, head, (ws) => {
        const c = this.channel(new URL(req.url ?? '/', 'http://x').searchParams.get('ch') ?? 'default');
        c.connections++;
        const client = { kind: 'ws', send: (text) => ws.send(String(text)), ping: () => ws.send('{"type":"ping"}'), cut: () => ws.terminate() };
        c.clients.add(client);
        ws.on('close', () => c.clients.delete(client));
        ws.on('error', () => c.clients.delete(client));
        c.onConnect(client);
      });
    });
    this.wss = wss;
  }

  close() {
    for (const c of this.channels.values()) c.reset();
    this.wss?.close();
  }
}

export class Channel {
  constructor(name) {
    this.name = name;
    this.reset();
  }

  reset() {
    for (const cl of this.clients ?? []) cl.cut();
    /** @type {Set<{kind:string, send:(t:string,o?:object)=>void, ping:()=>void, cut:()=>void}>} */
    this.clients = new Set();
    this.connections = 0;
    this.requests = [];
    this.connectDelay = 0;
    /** HTTP status to refuse new connections with (0 = accept). */
    this.refuse = 0;
    /** Text sent to every new connection (a replace message), or undefined. */
    this.initial = undefined;
    this.nextId = 1;
    this.setHeartbeat(0);
  }

  /** Called on each new connection: the initial message. */
  onConnect(client) {
    if (this.initial !== undefined) client.send(this.initial, { id: String(this.nextId++) });
  }

  /** Sends text to every open client; `event` and `id` are used by SSE only. Returns the number reached. */
  broadcast(text, o = {}) {
    for (const cl of this.clients) cl.send(text, o);
    return this.clients.size;
  }

  /** Pings every `ms` milliseconds (0 = stop). */
  setHeartbeat(ms) {
    if (this.hbTimer) clearInterval(this.hbTimer);
    this.hbTimer = undefined;
    this.heartbeat = ms;
    if (ms > 0) {
      this.hbTimer = setInterval(() => {
        for (const cl of this.clients) cl.ping();
      }, ms);
      this.hbTimer.unref?.();
    }
  }

  cut() {
    const n = this.clients.size;
    for (const cl of [...this.clients]) cl.cut();
    this.clients.clear();
    return n;
  }
}
