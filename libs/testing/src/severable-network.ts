import { connect, Socket } from 'node:net';
import type { ISocketFactory } from 'kafkajs';

/** A Kafka client's network that a test can cut, as when the machine it runs on dies. */
export interface SeverableNetwork {
  readonly socketFactory: ISocketFactory;
  /** Cuts every connection and refuses new ones. */
  sever(): void;
  /** Lets connections be opened again (after the test, so that the member can be stopped). */
  reconnect(): void;
}

/**
 * Connections that can all be cut at once: to the broker, the member vanishes without leaving its
 * group or committing, as when its process or machine dies.
 */
export function severableNetwork(): SeverableNetwork {
  const sockets = new Set<Socket>();
  let severed = false;
  // kafkajs notices a lost connection by its 'error' (or 'end'), not by 'close': a cut says why.
  const cut = (code: string) => Object.assign(new Error(`network cut by the test (${code})`), { code });
  const socketFactory: ISocketFactory = ({ host, port, onConnect }) => {
    if (severed) {
      const socket = new Socket();
      process.nextTick(() => socket.destroy(cut('ECONNREFUSED')));
      return socket;
    }
    const socket = connect({ host, port }, onConnect);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };
  return {
    socketFactory,
    sever() {
      severed = true;
      for (const socket of sockets) socket.destroy(cut('ECONNRESET'));
    },
    reconnect() {
      severed = false;
    },
  };
}
