package org.alliancechain.p2p;

import org.alliancechain.proto.v1.Frame;

/** A parsed frame with the bytes it took on the wire (length prefix included), for counters. */
record InboundFrame(Frame frame, int wireBytes) {}
