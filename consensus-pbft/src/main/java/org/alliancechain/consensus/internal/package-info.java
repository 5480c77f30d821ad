/**
 * The replica's state machine, behind {@code org.alliancechain.consensus.Replica}: per-kind
 * stateful validators (view and height bounds, one vote per sender, chain linkage) in front of
 * the handlers for the normal case, proposals, view changes, NEW-VIEWs, checkpoints and block
 * sync. Public classes here are not an API; use the parent package.
 */
package org.alliancechain.consensus.internal;
