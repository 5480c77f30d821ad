/**
 * The validator daemon: wires consensus, p2p and storage together; mempool, block building, execution, ledger, gRPC services, metrics and lifecycle.
 */
package org.alliancechain.node;
