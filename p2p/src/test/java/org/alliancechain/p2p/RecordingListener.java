package org.alliancechain.p2p;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a network delivers, the way a node's queue would (without blocking). */
final class RecordingListener implements PeerListener {
  record Key(String peerId, PeerChannel channel) {}

  final Map<Key, List<byte[]>> messages = new ConcurrentHashMap<>();
  final AtomicInteger total = new AtomicInteger();
  final List<String> events = new CopyOnWriteArrayList<>();
  final Map<String, Boolean> connected = new ConcurrentHashMap<>();

  @Override
  public void onMessage(String peerId, PeerChannel channel, byte[] payload) {
    messages.computeIfAbsent(new Key(peerId, channel),
        key -> Collections.synchronizedList(new ArrayList<>())).add(payload);
    total.incrementAndGet();
  }

  @Override
  public void onConnected(ConnectedPeer peer) {
    events.add("+" + peer.nodeId());
    connected.put(peer.nodeId(), true);
  }

  @Override
  public void onDisconnected(String peerId, CloseReason reason) {
    events.add("-" + peerId + ":" + reason.label());
    connected.put(peerId, false);
  }

  List<byte[]> received(String peerId, PeerChannel channel) {
    List<byte[]> list = messages.get(new Key(peerId, channel));
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return List.copyOf(list);
    }
  }
}
