/**
 * Immutable domain records of PBFT on a chain: signed messages with their exact bytes,
 * certificates, blocks as consensus sees them. No protobuf here: the codecs in
 * {@code org.alliancechain.consensus.codec} translate.
 */
package org.alliancechain.consensus.message;
