/**
 * Hashes, signatures, keys, X.509 certificates and RFC 6962 Merkle trees for the {@code intl} (SHA-256, Ed25519, ECDSA P-256) and {@code sm} (SM3, SM2) suites. The only module that touches BouncyCastle.
 */
package org.alliancechain.crypto;
