// With TLS 1.3 a server that refuses the client's certificate says so only after the handshake
// has finished on the client's side, while the request is already on its way; undici then
// reports the close that follows ("other side closed") instead of the reason. This connector
// wrapper hangs the reason on that error as its `cause`, so the attempt is recorded as a TLS
// failure (classify-request-error.ts walks the causes):
// - the server's TLS alert, when one arrived (e.g. "certificate required": none was presented);
// - when we presented a client certificate and the server closed the new connection without
//   sending a single byte: servers that check the certificate after the handshake (Node's own
//   https server with an unknown CA, for one) hang up without an alert. Said as a likelihood.
import type { buildConnector } from "undici";

const TLS_ERROR = /^(ERR_SSL_|ERR_TLS_)/;

export class TlsRefusedError extends Error {
  readonly code = "ERR_TLS_CLOSED_AFTER_HANDSHAKE";
  override name = "TlsRefusedError";
}

type SocketError = Error & { code?: string; cause?: unknown; socket?: { bytesRead?: number } };

export function withTlsAlerts(
  connect: buildConnector.connector,
  presentsCertificate: boolean,
): buildConnector.connector {
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (socket && options.protocol === "https:") {
        let alert: Error | undefined;
        socket.prependListener("error", (socketError: SocketError) => {
          if (!alert && TLS_ERROR.test(socketError.code ?? "")) alert = socketError;
          else if (socketError === alert || socketError.cause !== undefined) return;
          else if (alert) socketError.cause = alert;
          else if (presentsCertificate && socketError.code === "UND_ERR_SOCKET" && socketError.socket?.bytesRead === 0)
            socketError.cause = new TlsRefusedError(
              "the server closed the connection after the TLS handshake without answering; it most likely refused the client certificate",
            );
        });
      }
      (callback as (...args: unknown[]) => void)(error, socket);
    });
}
