/**
 * The only place protobuf meets the consensus domain: one codec per message family (signed
 * messages and envelopes, blocks as consensus reads them, commit certificates, durable-log
 * records). Decoders throw only {@link org.alliancechain.consensus.codec.DecodeException}.
 */
package org.alliancechain.consensus.codec;
