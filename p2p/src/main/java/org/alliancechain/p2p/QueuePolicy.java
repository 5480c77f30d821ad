package org.alliancechain.p2p;

/**
 * What a per-peer channel queue does with a new payload when it is full. Both policies keep
 * memory bounded and leave queued payloads in order; they differ in what the caller is told and
 * which counter moves (see ADR 0040).
 */
public enum QueuePolicy {
  /** The new payload is lost and counted as a drop; for traffic the protocol re-sends anyway. */
  DROP_NEWEST,
  /** The new payload is handed back to the caller, counted as a refusal; for request/response. */
  REFUSE
}
