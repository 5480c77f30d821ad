package org.alliancechain.consensus.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.alliancechain.consensus.Seeds;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.proto.v1.ConsensusPayload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every codec of the consensus family decodes what it encodes, exactly, for messages drawn from
 * seeds ({@link Seeds}: {@code -Dconsensus.seed=S} replays one).
 */
class CodecRoundTripTest {
  static LongStream seeds() {
    return Seeds.of(200);
  }

  static LongStream garbageSeeds() {
    return Seeds.of(500);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void signedMessagesSurviveTheirProtobufForm(long seed) {
    Seeds.check(seed, random -> new MessageSamples(random).signedMessage(), message -> {
      SignedMessage decoded = ConsensusCodec.decodeSigned(ConsensusCodec.toProto(message), null);
      assertThat(decoded).isEqualTo(message);
      assertThat(decoded.message()).isEqualTo(message.message());
      assertThat(decoded.chainId()).isEqualTo(MessageSamples.CHAIN);
    });
  }

  record MessageAndBlocks(SignedMessage message, List<byte[]> blocks) {}

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void envelopesKeepMessageAndBlocks(long seed) {
    Seeds.check(seed, random -> {
      MessageSamples samples = new MessageSamples(random);
      return new MessageAndBlocks(samples.signedMessage(), samples.blobs());
    }, input -> {
      ConsensusCodec.Envelope decoded = ConsensusCodec.decodeEnvelope(
          ConsensusCodec.encodeEnvelope(input.message(), input.blocks()));
      assertThat(decoded.message()).isEqualTo(input.message());
      assertThat(decoded.blocks()).containsExactlyElementsOf(input.blocks());
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void payloadBytesAreWhatIsSigned(long seed) {
    Seeds.check(seed, random -> new MessageSamples(random).signedMessage(), message -> {
      ConsensusPayload payload = ConsensusPayload.parseFrom(message.payload());
      assertThat(PayloadProtos.fromProto(payload)).isEqualTo(message.message());
      assertThat(ConsensusCodec.encodePayload(MessageSamples.CHAIN, message.message()))
          .isEqualTo(message.payload());
    });
  }

  record LogInput(SignedMessage message, List<byte[]> blocks, PreparedCertificate prepared,
      long view, boolean changing) {}

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void logRecordsRoundTrip(long seed) {
    Seeds.check(seed, random -> {
      MessageSamples samples = new MessageSamples(random);
      return new LogInput(samples.signedMessage(), samples.blobs(),
          samples.bool() ? samples.preparedCertificate() : null, samples.number(),
          samples.bool());
    }, input -> {
      var own = new LogRecordCodec.OwnMessage(input.message(), input.blocks(), input.prepared());
      var decoded = (LogRecordCodec.OwnMessage) LogRecordCodec.decode(LogRecordCodec.encode(own));
      assertThat(decoded.message()).isEqualTo(input.message());
      assertThat(decoded.blocks()).containsExactlyElementsOf(input.blocks());
      assertThat(decoded.prepared()).isEqualTo(input.prepared());
      var entry = new LogRecordCodec.ViewEntry(input.view(), input.changing());
      assertThat(LogRecordCodec.decode(LogRecordCodec.encode(entry))).isEqualTo(entry);
      var stable = new LogRecordCodec.StableCheckpoint(List.of(input.message()).subList(0,
          input.message().message() instanceof ConsensusMessage.Checkpoint ? 1 : 0));
      assertThat(((LogRecordCodec.StableCheckpoint) LogRecordCodec.decode(
          LogRecordCodec.encode(stable))).proof()).isEqualTo(stable.proof());
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void commitCertificatesRoundTrip(long seed) {
    Seeds.check(seed, random -> new MessageSamples(random).commitProof(),
        (CommitCertificate certificate) -> assertThat(
            CertificateCodec.decode(CertificateCodec.encode(certificate))).isEqualTo(certificate));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("garbageSeeds")
  void garbageNeverThrowsAnythingButDecodeException(long seed) {
    Seeds.check(seed, random -> Seeds.bytes(random, 256), garbage -> {
      try {
        ConsensusCodec.decodeEnvelope(garbage);
        LogRecordCodec.decode(garbage);
        CertificateCodec.decode(garbage);
      } catch (DecodeException expected) {
        // the only allowed failure
      }
    });
  }
}
