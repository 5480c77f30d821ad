/**
 * Hashes, signatures, keys, X.509 certificates and Merkle trees for the {@code intl} (SHA-256,
 * Ed25519, ECDSA P-256) and {@code sm} (SM3, SM2) suites. The only module that touches
 * BouncyCastle; none of its types appear in this API.
 *
 * <ul>
 *   <li>{@link org.alliancechain.crypto.CryptoSuite}, {@link org.alliancechain.crypto.HashAlgorithm},
 *       {@link org.alliancechain.crypto.SignatureScheme}: what a chain uses (ADR 0010).
 *   <li>{@link org.alliancechain.crypto.SigningKey}, {@link org.alliancechain.crypto.PublicKey},
 *       {@link org.alliancechain.crypto.SigningDomain}: sign and verify raw, fixed-length encodings.
 *   <li>{@link org.alliancechain.crypto.BatchVerifier}: many signatures on all cores.
 *   <li>{@link org.alliancechain.crypto.KeyPem}: PKCS#8 and SPKI PEM files.
 *   <li>{@link org.alliancechain.crypto.Certificates}, {@link org.alliancechain.crypto.CertificatePem}:
 *       organization CA and node TLS certificates (ADR 0011).
 *   <li>{@link org.alliancechain.crypto.MerkleTree}, {@link org.alliancechain.crypto.InclusionProof},
 *       {@link org.alliancechain.crypto.SparseMerkleProof}: block and state proofs (ADR 0012).
 * </ul>
 *
 * <p>Bad input is a checked {@link org.alliancechain.crypto.CryptoException} saying what was wrong;
 * verification of signatures and proofs answers {@code false} and never throws.
 */
package org.alliancechain.crypto;
