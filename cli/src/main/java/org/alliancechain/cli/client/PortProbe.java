package org.alliancechain.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Finds out what listens on a port when a gRPC call there failed oddly, so the error can say
 * "that is the metrics port" rather than "network closed for unknown reason". It sends a plain
 * HTTP/1.0 request (and if need be a TLS ClientHello) and looks at the first bytes of the
 * answer.
 */
public final class PortProbe {
  private static final int CONNECT_TIMEOUT_MS = 1_500;
  private static final int READ_TIMEOUT_MS = 1_500;
  private static final int HTTP2_FRAME_TYPE_SETTINGS = 0x04;
  private static final int HTTP2_FRAME_TYPE_GOAWAY = 0x07;

  /** What answered. */
  public enum Kind {
    /** Nothing listens: connection refused. */
    REFUSED,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** An HTTP/1 server (the node's metrics port, or any web server). */
    HTTP,
    /** A TLS server (the node's p2p port, or a gRPC API that uses TLS). */
    TLS,
    /** An HTTP/2 server without TLS (a plaintext gRPC server). */
    HTTP2,
    /** Accepted and closed without a byte. */
    CLOSED,
    /** Accepted and said nothing (a stopped process, or a protocol that waits for its own greeting). */
    SILENT,
    /** Something else answered. */
    OTHER
  }

  private PortProbe() {}

  /**
   * Sends an HTTP/1.0 request; when that tells nothing (a TLS server may close on it without a
   * word), sends a TLS ClientHello, which any TLS server answers with a handshake or an alert.
   */
  public static Kind probe(String host, int port) {
    Kind kind = probe(host, port, ("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    if (kind == Kind.CLOSED || kind == Kind.OTHER || kind == Kind.SILENT) {
      byte[] hello = clientHello(host, port);
      if (hello.length > 0 && probe(host, port, hello) == Kind.TLS) {
        return Kind.TLS;
      }
    }
    return kind;
  }

  private static Kind probe(String host, int port, byte[] greeting) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
      socket.setSoTimeout(READ_TIMEOUT_MS);
      socket.getOutputStream().write(greeting);
      socket.getOutputStream().flush();
      return classify(readSome(socket.getInputStream()));
    } catch (UnknownHostException e) {
      return Kind.UNKNOWN_HOST;
    } catch (ConnectException e) {
      return Kind.REFUSED;
    } catch (SocketTimeoutException e) {
      return Kind.SILENT;
    } catch (IOException e) {
      return Kind.CLOSED;
    }
  }

  /** The first flight of a TLS client, as the JDK's engine writes it; empty if it cannot. */
  private static byte[] clientHello(String host, int port) {
    try {
      SSLEngine engine = SSLContext.getDefault().createSSLEngine(host, port);
      engine.setUseClientMode(true);
      ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
      engine.beginHandshake();
      engine.wrap(ByteBuffer.allocate(0), out);
      out.flip();
      byte[] hello = new byte[out.remaining()];
      out.get(hello);
      return hello;
    } catch (GeneralSecurityException | IOException e) {
      return new byte[0];
    }
  }

  private static byte[] readSome(InputStream in) throws IOException {
    byte[] buffer = new byte[16];
    int read = 0;
    while (read < buffer.length) {
      int count = in.read(buffer, read, buffer.length - read);
      if (count < 0) {
        break;
      }
      read += count;
      if (read >= 5) {
        break;
      }
    }
    return java.util.Arrays.copyOf(buffer, read);
  }

  static Kind classify(byte[] answer) {
    if (answer.length == 0) {
      return Kind.CLOSED;
    }
    if (new String(answer, StandardCharsets.US_ASCII).startsWith("HTTP/")) {
      return Kind.HTTP;
    }
    int first = answer[0] & 0xff;
    if ((first == 0x15 || first == 0x16) && answer.length >= 2 && answer[1] == 0x03) {
      return Kind.TLS;
    }
    if (answer.length >= 4) {
      int type = answer[3] & 0xff;
      if (type == HTTP2_FRAME_TYPE_SETTINGS || type == HTTP2_FRAME_TYPE_GOAWAY) {
        return Kind.HTTP2;
      }
    }
    return Kind.OTHER;
  }
}
