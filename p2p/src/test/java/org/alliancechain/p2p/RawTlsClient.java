package org.alliancechain.p2p;

import com.google.protobuf.ByteString;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.alliancechain.proto.v1.Frame;
import org.alliancechain.proto.v1.Handshake;

/**
 * A hand-driven TLS 1.3 client playing an outsider or a misbehaving member: it presents the
 * certificate it is given (or none), and writes whatever bytes the test wants, no matter what
 * the server says. It trusts any server: judging the server is not what these tests are about.
 */
final class RawTlsClient implements AutoCloseable {
  private final SSLSocket socket;
  private final DataOutputStream out;

  private RawTlsClient(SSLSocket socket) throws IOException {
    this.socket = socket;
    this.out = new DataOutputStream(socket.getOutputStream());
  }

  /** Connects and runs the TLS handshake as far as the client side goes. */
  static RawTlsClient connect(int port, TlsIdentity identity) throws Exception {
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(identity == null ? null : keyManagers(identity),
        new TrustManager[] {new TrustingAnyServer()}, null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
    socket.setEnabledProtocols(new String[] {"TLSv1.3"});
    socket.setSoTimeout(10_000);
    RawTlsClient client = new RawTlsClient(socket);
    try {
      socket.startHandshake(); // in TLS 1.3 the client finishes before the server decides
    } catch (IOException refusedAlready) {
      // the server's refusal reached us during the handshake; the test checks what follows
    }
    return client;
  }

  private static KeyManager[] keyManagers(TlsIdentity identity) throws Exception {
    char[] password = "test".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("node", identity.privateKey(), password,
        identity.certificateChain().toArray(X509Certificate[]::new));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(
        KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  static Frame handshake(String nodeId, ChainIdentity chain) {
    return Frame.newBuilder().setHandshake(Handshake.newBuilder()
        .setProtocolVersion(LinkContext.PROTOCOL_VERSION)
        .setChainId(chain.chainId())
        .setGenesisHash(ByteString.copyFrom(chain.genesisHash()))
        .setNodeId(nodeId)
        .setIncarnation(1)
        .setFrameBytesMax(1 << 20))
        .build();
  }

  /** Writes a frame with its length prefix; false if the server already closed the link. */
  boolean send(Frame frame) {
    byte[] body = frame.toByteArray();
    return sendRaw(java.nio.ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body)
        .array());
  }

  boolean sendRaw(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  /** Reads (and discards) until the server closes; false if it is still open after 10 s. */
  boolean awaitClosedByServer() {
    byte[] buffer = new byte[4096];
    try {
      InputStream in = socket.getInputStream();
      while (in.read(buffer) >= 0) {
        // the server's own Handshake, Goodbye...: not what this waits for
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException closedWithAlertOrReset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    Socket closing = socket;
    closing.close();
  }

  /** Accepts any server: these tests judge the server's checks, not the client's. */
  private static final class TrustingAnyServer extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
