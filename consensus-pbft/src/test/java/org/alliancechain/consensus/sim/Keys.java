package org.alliancechain.consensus.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;

/** Deterministic Ed25519 validator keys for simulations: key i is the same in every run. */
public final class Keys {
  private static final ConcurrentHashMap<Integer, SigningKey> KEYS = new ConcurrentHashMap<>();

  private Keys() {
  }

  public static SigningKey signingKey(int index) {
    return KEYS.computeIfAbsent(index, i -> {
      byte[] seed = HashAlgorithm.SHA_256.digest(
          ("alliancechain simulated validator " + i).getBytes(StandardCharsets.US_ASCII));
      try {
        return SigningKey.decode(SignatureScheme.ED25519, seed);
      } catch (CryptoException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  public static List<PublicKey> publicKeys(int count) {
    List<PublicKey> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(signingKey(i).publicKey());
    }
    return keys;
  }
}
