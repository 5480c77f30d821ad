package org.alliancechain.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The hash functions of the crypto suites. Thread-safe: each call uses its own digest state. */
public enum HashAlgorithm {
  SHA_256("SHA-256"),
  SM3("SM3");

  /** Both suites hash to 32 bytes. */
  public static final int DIGEST_LENGTH = 32;

  private final String displayName;

  HashAlgorithm(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  public int digestLength() {
    return DIGEST_LENGTH;
  }

  /** Hash of {@code data}. */
  public byte[] digest(byte[] data) {
    return digest(data, 0, data.length);
  }

  /** Hash of {@code length} bytes of {@code data} from {@code offset}. */
  public byte[] digest(byte[] data, int offset, int length) {
    Digest digest = newDigest();
    digest.update(data, offset, length);
    byte[] out = new byte[DIGEST_LENGTH];
    digest.doFinal(out, 0);
    return out;
  }

  /** Hash of the concatenation of {@code parts}. */
  public byte[] digest(byte[]... parts) {
    Incremental incremental = incremental();
    for (byte[] part : parts) {
      incremental.update(part);
    }
    return incremental.finish();
  }

  /** A hash computed over data that arrives in pieces. Not thread-safe. */
  public Incremental incremental() {
    return new Incremental(newDigest());
  }

  Digest newDigest() {
    return switch (this) {
      case SHA_256 -> new JdkSha256();
      case SM3 -> new SM3Digest();
    };
  }

  /** Incremental hashing; {@link #finish()} returns the digest and resets for reuse. */
  public static final class Incremental {
    private final Digest digest;

    private Incremental(Digest digest) {
      this.digest = digest;
    }

    public Incremental update(byte value) {
      digest.update(value);
      return this;
    }

    public Incremental update(byte[] data) {
      digest.update(data, 0, data.length);
      return this;
    }

    public Incremental update(byte[] data, int offset, int length) {
      digest.update(data, offset, length);
      return this;
    }

    public byte[] finish() {
      byte[] out = new byte[DIGEST_LENGTH];
      digest.doFinal(out, 0);
      return out;
    }
  }
}
