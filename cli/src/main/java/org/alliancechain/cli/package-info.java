/**
 * The {@code alliance} command: starts the daemon and is the operator's tool.
 */
package org.alliancechain.cli;
