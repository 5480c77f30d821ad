package org.alliancechain.p2p;

/**
 * Cumulative traffic of one channel with one peer since the network started. Bytes are frame
 * bytes including the 4-byte length prefix, before TLS.
 *
 * @param messagesIn payloads received
 * @param bytesIn frame bytes received
 * @param messagesOut payloads written to the socket
 * @param bytesOut frame bytes written to the socket
 * @param queueDrops payloads lost to a full queue with policy DROP_NEWEST
 * @param queueRefusals payloads handed back on a full queue with policy REFUSE
 */
public record ChannelTraffic(
    long messagesIn,
    long bytesIn,
    long messagesOut,
    long bytesOut,
    long queueDrops,
    long queueRefusals) {}
