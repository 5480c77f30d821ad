/**
 * PBFT (Castro and Liskov) on a chain as a deterministic state machine: {@code step(event) -> actions}. No threads, sockets, clocks, disk or unseeded randomness.
 */
package org.alliancechain.consensus;
