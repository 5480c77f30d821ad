package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS = List.of("chainId", "suite", "genesisTime", "validators", "observers");

  @Test
  void suggestsTyposAndOtherCaseStyles() {
    assertThat(Suggestions.closest("suit", KEYS)).contains("suite");
    assertThat(Suggestions.closest("validtaors", KEYS)).contains("validators");
    assertThat(Suggestions.closest("chain_id", KEYS)).contains("chainId");
    assertThat(Suggestions.closest("GENESIS_TIME", KEYS)).contains("genesisTime");
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertThat(Suggestions.closest("comment", KEYS)).isEmpty();
    assertThat(Suggestions.closest("x", KEYS)).isEmpty();
  }
}
