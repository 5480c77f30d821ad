/**
 * Typed, validated records for {@code node.toml} ({@link org.alliancechain.config.NodeConfig}) and
 * {@code genesis.json} ({@link org.alliancechain.config.Genesis}); every error names the file, the
 * field, the bad value and what would be valid. {@link org.alliancechain.config.ChainConfig#load}
 * reads both and checks them against each other. Keys are documented in {@code config/README.md}.
 */
package org.alliancechain.config;
