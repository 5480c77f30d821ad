package org.alliancechain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.alliancechain.consensus.sim.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidatorSetTest {
  @ParameterizedTest(name = "n={0}: f={1}, quorum={2}")
  @CsvSource({"1,0,1", "2,0,2", "3,0,2", "4,1,3", "5,1,4", "6,1,4", "7,2,5", "10,3,7", "16,5,11"})
  void faultsAndQuorumFollowTheDesign(int n, int f, int quorum) {
    ValidatorSet validators = new ValidatorSet(Keys.publicKeys(n));
    assertThat(validators.faultsTolerated()).isEqualTo(f);
    assertThat(validators.quorum()).isEqualTo(quorum);
    assertThat(validators.weakQuorum()).isEqualTo(f + 1);
    // Any two quorums share at least f + 1 validators, so at least one honest one.
    assertThat(2 * quorum - n).isGreaterThanOrEqualTo(f + 1);
  }

  @Test
  void primaryIsViewModuloN() {
    ValidatorSet validators = new ValidatorSet(Keys.publicKeys(4));
    assertThat(validators.primary(0)).isZero();
    assertThat(validators.primary(5)).isEqualTo(1);
    assertThat(validators.primary(4_000_000_003L)).isEqualTo(3);
  }

  @Test
  void aKeyListedTwiceIsRefused() {
    assertThatThrownBy(() -> new ValidatorSet(List.of(Keys.signingKey(0).publicKey(),
        Keys.signingKey(0).publicKey())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> new ValidatorSet(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
