package org.alliancechain.config;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.config.GenesisParser.ClientDraft;
import org.alliancechain.config.GenesisParser.NamespaceDraft;
import org.alliancechain.config.GenesisParser.NodeDraft;
import org.alliancechain.config.GenesisParser.OrgDraft;

/**
 * The genesis.json rules that span entries: unique ids, keys and certificates; nodes and clients
 * of existing organizations; TLS certificates issued by their organization's CA. A part that
 * already failed on its own is {@code null} in its draft and skipped here.
 */
final class GenesisRules {
  private final Problems problems;

  GenesisRules(Problems problems) {
    this.problems = problems;
  }

  void check(List<OrgDraft> organizations, List<NodeDraft> validators, List<NodeDraft> observers,
      List<ClientDraft> clients, List<NamespaceDraft> namespaces) {
    Map<String, OrgDraft> orgsById = unique(organizations, OrgDraft::id, OrgDraft::field, "id",
        earlier -> "duplicate organization id (already " + earlier + ")");
    List<NodeDraft> nodes = new ArrayList<>(validators);
    nodes.addAll(observers);
    unique(nodes, NodeDraft::id, NodeDraft::field, "id", earlier -> "duplicate node id (already " + earlier + ")");
    unique(nodes, NodeDraft::publicKey, NodeDraft::field, "publicKey",
        earlier -> "the same key as " + earlier + " (expected a distinct key per node)");
    unique(nodes, NodeDraft::tls, NodeDraft::field, "tlsCertificate",
        earlier -> "the same certificate as " + earlier + " (expected a distinct certificate per node)");
    for (NodeDraft node : nodes) {
      OrgDraft org = organization(orgsById, node.field() + ".organization", node.organization());
      if (org != null && org.ca() != null && node.tls() != null) {
        String notIssued = Certificates.issuerProblem(node.tls(), org.ca(), "organization " + org.id() + "'s CA");
        if (notIssued != null) {
          problems.add(node.field() + ".tlsCertificate", Problems.quote(Certificates.describe(node.tls())), notIssued);
        }
      }
    }
    for (ClientDraft client : clients) {
      organization(orgsById, client.field() + ".organization", client.organization());
    }
    unique(clients, ClientDraft::publicKey, ClientDraft::field, "publicKey",
        earlier -> "the same key as " + earlier + " (expected each client once)");
    for (NamespaceDraft namespace : namespaces) {
      organization(orgsById, namespace.field() + ".owner", namespace.owner());
    }
    unique(namespaces, NamespaceDraft::name, NamespaceDraft::field, "name",
        earlier -> "duplicate namespace (already " + earlier + ")");
  }

  private OrgDraft organization(Map<String, OrgDraft> orgsById, String field, String id) {
    if (id == null) {
      return null;
    }
    OrgDraft org = orgsById.get(id);
    if (org == null) {
      problems.add(field, Problems.quote(id), "not an organization of this genesis (expected one of "
          + String.join(", ", orgsById.keySet()) + ")");
    }
    return org;
  }

  /**
   * Reports each draft whose value repeats an earlier one's, naming the earlier entry; returns
   * the first draft of each value. Null values (already reported) are skipped.
   */
  private <D, V> Map<V, D> unique(List<D> drafts, Function<D, V> value, Function<D, String> field,
      String key, Function<String, String> duplicateOf) {
    Map<V, D> first = new LinkedHashMap<>();
    for (D draft : drafts) {
      V v = value.apply(draft);
      if (v == null) {
        continue;
      }
      D earlier = first.putIfAbsent(v, draft);
      if (earlier != null) {
        problems.add(field.apply(draft) + "." + key, render(v), duplicateOf.apply(field.apply(earlier)));
      }
    }
    return first;
  }

  private static String render(Object value) {
    if (value instanceof X509Certificate certificate) {
      return Problems.quote(Certificates.describe(certificate));
    }
    if (value instanceof PublicKey key) {
      return Problems.quote(key.toBase64());
    }
    return Problems.quote(String.valueOf(value));
  }
}
