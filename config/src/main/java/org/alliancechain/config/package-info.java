/**
 * Typed, validated records for {@code node.toml} and {@code genesis.json}; every error names the file, the field, the bad value and what would be valid.
 */
package org.alliancechain.config;
