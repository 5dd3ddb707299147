import "server-only";
import type { FTPContext, FTPResponse, ResponseHandler, TaskResolver } from "basic-ftp";

/** Passes one reply on to basic-ftp's own handler of the running task. */
export type Deliver = (reply: FTPResponse | Error) => void;

/** Decides when each reply of the next transfer command reaches basic-ftp (active mode holds some back). */
export type Interceptor = (deliver: Deliver, done: Promise<unknown>) => Deliver;

const pending = new WeakMap<FTPContext, Interceptor>();
const hooked = new WeakSet<FTPContext>();
const uploadCommand = /^(STOR|APPE|STOU)\b/i;

function isPreliminary(reply: FTPResponse | Error): boolean {
  return !(reply instanceof Error) && reply.code >= 100 && reply.code < 200;
}

/**
 * Hands the replies of the next command sent on `ftp` (the transfer command that follows a
 * `prepareTransfer`) to `interceptor` first. Installs the hook on first use.
 */
export function onTransferCommand(ftp: FTPContext, interceptor: Interceptor): void {
  installTransferHooks(ftp);
  pending.set(ftp, interceptor);
}

/**
 * Wraps `ftp.handle`, the one place every task passes through, once per context:
 * - runs a pending interceptor on the next command (see `onTransferCommand`);
 * - on uploads, keeps reading the data connection: over TLS 1.3 the server sends session
 *   tickets there, and a socket closed with them unread resets the connection, which
 *   vsftpd reports as "426 Failure reading network stream" after the file was sent.
 */
export function installTransferHooks(ftp: FTPContext): void {
  if (hooked.has(ftp)) return;
  hooked.add(ftp);
  const original = ftp.handle.bind(ftp);
  ftp.handle = (command: string | undefined, responseHandler: ResponseHandler) => {
    const interceptor = pending.get(ftp);
    pending.delete(ftp);
    const upload = uploadCommand.test(command ?? "");
    if (!interceptor && !upload) return original(command, responseHandler);
    let task: TaskResolver | undefined;
    // Replies may arrive before `original` returns (a closed client answers at once).
    const routing: { route?: Deliver } = {};
    const deliver: Deliver = (reply) => {
      if (!task) return;
      try {
        responseHandler(reply, task);
        if (upload && isPreliminary(reply)) ftp.dataSocket?.resume();
      } catch (err) {
        // What FTPContext does for a handler that throws during a socket event.
        task.reject(err as Error);
        ftp.closeWithError(err as Error);
      }
    };
    const done = original(command, (reply, resolver) => {
      task = resolver;
      (routing.route ?? deliver)(reply);
    });
    routing.route = interceptor ? interceptor(deliver, done) : deliver;
    return done;
  };
}
