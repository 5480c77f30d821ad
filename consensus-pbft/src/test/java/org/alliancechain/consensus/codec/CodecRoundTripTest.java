package org.alliancechain.consensus.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.proto.v1.ConsensusPayload;

/** Every codec of the consensus family decodes what it encodes, exactly. */
class CodecRoundTripTest {
  @Provide
  Arbitrary<SignedMessage> signedMessages() {
    return MessageArbitraries.signed(MessageArbitraries.messages());
  }

  @Provide
  Arbitrary<List<byte[]>> blobs() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(40).list().ofMaxSize(3);
  }

  @Property(tries = 300)
  void signedMessagesSurviveTheirProtobufForm(@ForAll("signedMessages") SignedMessage message)
      throws Exception {
    SignedMessage decoded = ConsensusCodec.decodeSigned(ConsensusCodec.toProto(message), null);
    assertThat(decoded).isEqualTo(message);
    assertThat(decoded.message()).isEqualTo(message.message());
    assertThat(decoded.chainId()).isEqualTo(MessageArbitraries.CHAIN);
  }

  @Property(tries = 200)
  void envelopesKeepMessageAndBlocks(@ForAll("signedMessages") SignedMessage message,
      @ForAll("blobs") List<byte[]> blocks) throws Exception {
    ConsensusCodec.Envelope decoded =
        ConsensusCodec.decodeEnvelope(ConsensusCodec.encodeEnvelope(message, blocks));
    assertThat(decoded.message()).isEqualTo(message);
    assertThat(decoded.blocks()).containsExactlyElementsOf(blocks);
  }

  @Property(tries = 200)
  void payloadBytesAreWhatIsSigned(@ForAll("signedMessages") SignedMessage message)
      throws Exception {
    ConsensusPayload payload = ConsensusPayload.parseFrom(message.payload());
    assertThat(PayloadProtos.fromProto(payload)).isEqualTo(message.message());
    assertThat(ConsensusCodec.encodePayload(MessageArbitraries.CHAIN, message.message()))
        .isEqualTo(message.payload());
  }

  @Property(tries = 200)
  void logRecordsRoundTrip(@ForAll("signedMessages") SignedMessage message,
      @ForAll("blobs") List<byte[]> blocks, @ForAll boolean withCertificate,
      @ForAll long view, @ForAll boolean changing) throws Exception {
    PreparedCertificate prepared = withCertificate
        ? MessageArbitraries.preparedCertificates().sample() : null;
    var own = new LogRecordCodec.OwnMessage(message, blocks, prepared);
    var decoded = (LogRecordCodec.OwnMessage) LogRecordCodec.decode(LogRecordCodec.encode(own));
    assertThat(decoded.message()).isEqualTo(message);
    assertThat(decoded.blocks()).containsExactlyElementsOf(blocks);
    assertThat(decoded.prepared()).isEqualTo(prepared);
    long number = Math.floorMod(view, 1L << 62);
    assertThat(LogRecordCodec.decode(LogRecordCodec.encode(
        new LogRecordCodec.ViewEntry(number, changing))))
        .isEqualTo(new LogRecordCodec.ViewEntry(number, changing));
    var stable = new LogRecordCodec.StableCheckpoint(List.of(message).subList(0,
        message.message() instanceof ConsensusMessage.Checkpoint ? 1 : 0));
    assertThat(((LogRecordCodec.StableCheckpoint) LogRecordCodec.decode(
        LogRecordCodec.encode(stable))).proof()).isEqualTo(stable.proof());
  }

  @Property(tries = 200)
  void commitCertificatesRoundTrip(@ForAll("signedMessages") SignedMessage ignored) throws Exception {
    CommitCertificate certificate = MessageArbitraries.commitProofs().sample();
    assertThat(CertificateCodec.decode(CertificateCodec.encode(certificate))).isEqualTo(certificate);
  }

  @Property(tries = 500)
  void garbageNeverThrowsAnythingButDecodeException(@ForAll byte[] garbage) {
    List<Exception> unexpected = new ArrayList<>();
    try {
      ConsensusCodec.decodeEnvelope(garbage);
      LogRecordCodec.decode(garbage);
      CertificateCodec.decode(garbage);
    } catch (DecodeException expected) {
      // the only allowed failure
    } catch (RuntimeException e) {
      unexpected.add(e);
    }
    assertThat(unexpected).isEmpty();
  }
}
