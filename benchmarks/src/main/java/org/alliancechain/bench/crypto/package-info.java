/**
 * Benchmarks of the crypto module: sign and verify per scheme, the batch verifier, BouncyCastle's
 * Ed25519 against the JDK's, Merkle trees. Results and commands: docs/performance.md, "Crypto".
 */
package org.alliancechain.bench.crypto;
