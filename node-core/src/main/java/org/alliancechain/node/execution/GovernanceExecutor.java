package org.alliancechain.node.execution;

import static org.alliancechain.node.execution.BlockExecutor.fail;
import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_INVALID_OPERATION;
import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_NOT_AUTHORIZED;
import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_SUCCESS;

import java.util.Optional;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.node.codec.ProtoKeys;
import org.alliancechain.node.state.StateKeys;
import org.alliancechain.node.state.StateOverlay;
import org.alliancechain.node.tx.Operation;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.proto.v1.ClientRecord;
import org.alliancechain.proto.v1.NamespaceRecord;
import org.alliancechain.proto.v1.TransactionResult;

/**
 * Governance transactions: an organization admin registers or revokes its own organization's
 * clients, and creates or re-assigns the writers of namespaces its organization owns.
 */
final class GovernanceExecutor {

  TransactionResult execute(BlockContext context, Transaction transaction, StateOverlay state,
      Identities identities, TransactionResult.Builder result) {
    PublicKey sender = transaction.sender();
    Optional<String> organization = identities.adminOrganization(sender);
    if (organization.isEmpty()) {
      return fail(result, TRANSACTION_STATUS_NOT_AUTHORIZED,
          "governance needs an organization admin key; " + sender + " is not one");
    }
    Operation operation = transaction.operation();
    if (operation instanceof Operation.RegisterClient register) {
      return register(context, sender, organization.get(), register, state, identities, result);
    }
    if (operation instanceof Operation.RevokeClient revoke) {
      return revoke(context, organization.get(), revoke, state, identities, result);
    }
    if (operation instanceof Operation.SetNamespaceWriters set) {
      return setWriters(context, organization.get(), set, state, identities, result);
    }
    throw new IllegalStateException("not a governance operation: " + operation);
  }

  private static TransactionResult register(BlockContext context, PublicKey admin,
      String organization, Operation.RegisterClient register, StateOverlay state,
      Identities identities, TransactionResult.Builder result) {
    if (!register.organization().equals(organization)) {
      return fail(result, TRANSACTION_STATUS_INVALID_OPERATION, "an admin of '" + organization
          + "' can register clients only for '" + organization + "', not for '"
          + register.organization() + "'");
    }
    Optional<ClientRecord> existing = identities.client(register.client());
    if (existing.isPresent()) {
      return fail(result, TRANSACTION_STATUS_INVALID_OPERATION, "client " + register.client()
          + " is already registered by '" + existing.get().getOrganization() + "'"
          + (existing.get().getRevoked() ? " and revoked; a revoked key cannot return" : ""));
    }
    ClientRecord record = ClientRecord.newBuilder()
        .setOrganization(organization)
        .setLabel(register.label())
        .setRegisteredHeight(context.height())
        .setRegisteredBy(ProtoKeys.toProto(admin))
        .build();
    state.put(StateKeys.client(register.client()), record.toByteString());
    return result.setStatus(TRANSACTION_STATUS_SUCCESS).build();
  }

  private static TransactionResult revoke(BlockContext context, String organization,
      Operation.RevokeClient revoke, StateOverlay state, Identities identities,
      TransactionResult.Builder result) {
    Optional<ClientRecord> existing = identities.client(revoke.client());
    if (existing.isEmpty()) {
      return fail(result, TRANSACTION_STATUS_INVALID_OPERATION,
          "client " + revoke.client() + " is not registered");
    }
    if (!existing.get().getOrganization().equals(organization)) {
      return fail(result, TRANSACTION_STATUS_NOT_AUTHORIZED, "client " + revoke.client()
          + " belongs to '" + existing.get().getOrganization() + "'; only its admins may revoke it");
    }
    if (existing.get().getRevoked()) {
      return fail(result, TRANSACTION_STATUS_INVALID_OPERATION, "client " + revoke.client()
          + " was already revoked at height " + existing.get().getRevokedHeight());
    }
    ClientRecord revoked = existing.get().toBuilder()
        .setRevoked(true)
        .setRevokedHeight(context.height())
        .setRevokedReason(revoke.reason())
        .build();
    state.put(StateKeys.client(revoke.client()), revoked.toByteString());
    return result.setStatus(TRANSACTION_STATUS_SUCCESS).build();
  }

  private static TransactionResult setWriters(BlockContext context, String organization,
      Operation.SetNamespaceWriters set, StateOverlay state, Identities identities,
      TransactionResult.Builder result) {
    Optional<NamespaceRecord> existing = identities.namespace(set.namespace());
    if (existing.isPresent() && !existing.get().getOwnerOrganization().equals(organization)) {
      return fail(result, TRANSACTION_STATUS_NOT_AUTHORIZED, "namespace '" + set.namespace()
          + "' is owned by '" + existing.get().getOwnerOrganization() + "'; only its admins may"
          + " change its writers");
    }
    NamespaceRecord.Builder record = NamespaceRecord.newBuilder()
        .setOwnerOrganization(organization)
        .setUpdatedHeight(context.height());
    set.writers().forEach(writer -> record.addWriters(ProtoKeys.toProto(writer)));
    state.put(StateKeys.namespace(set.namespace()), record.build().toByteString());
    return result.setStatus(TRANSACTION_STATUS_SUCCESS).build();
  }
}
