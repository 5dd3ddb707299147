import "server-only";
import type { FTPContext, FTPResponse, ResponseHandler, TaskResolver } from "basic-ftp";

/** Passes one reply on to basic-ftp's own handler of the running task. */
export type Deliver = (reply: FTPResponse | Error) => void;

/** Decides when each reply of the next transfer command reaches basic-ftp (active mode holds some back). */
export type Interceptor = (deliver: Deliver, done: Promise<unknown>) => Deliver;

const pending = new WeakMap<FTPContext, Interceptor>();
const hooked = new WeakSet<FTPContext>();

/**
 * Hands the replies of the next command sent on `ftp` (the transfer command that follows a
 * `prepareTransfer`) to `interceptor` first. Installs the hook on first use.
 */
export function onTransferCommand(ftp: FTPContext, interceptor: Interceptor): void {
  installTransferHooks(ftp);
  pending.set(ftp, interceptor);
}

/**
 * Wraps `ftp.handle`, the one place every task passes through, once per context, so a
 * pending interceptor sees the replies of the next command (see `onTransferCommand`).
 * Other commands pass straight through.
 */
export function installTransferHooks(ftp: FTPContext): void {
  if (hooked.has(ftp)) return;
  hooked.add(ftp);
  const original = ftp.handle.bind(ftp);
  ftp.handle = (command: string | undefined, responseHandler: ResponseHandler) => {
    const interceptor = pending.get(ftp);
    pending.delete(ftp);
    if (!interceptor) return original(command, responseHandler);
    let task: TaskResolver | undefined;
    // Replies may arrive before `original` returns (a closed client answers at once).
    const routing: { route?: Deliver } = {};
    const deliver: Deliver = (reply) => {
      if (!task) return;
      try {
        responseHandler(reply, task);
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
    routing.route = interceptor(deliver, done);
    return done;
  };
}
