package org.alliancechain.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A listen or peer address: {@code host:port}, where host is an IPv4 address, a bracketed IPv6
 * address ({@code [::1]:26656}) or a host name. Parsing never resolves names: configuration is
 * read without touching the network.
 */
public record HostPort(String host, int port) {
  private static final Pattern HOST_NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62})?)*");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  /** What a valid address looks like, for error messages. */
  public static final String EXPECTED = "expected host:port with port 1..65535";

  public HostPort {
    Objects.requireNonNull(host, "host");
    String hostProblem = hostProblem(host);
    if (hostProblem != null) {
      throw new IllegalArgumentException(EXPECTED + " (" + hostProblem + ")");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(EXPECTED + " (the port " + port + " is not in 1..65535)");
    }
  }

  /**
   * Parses {@code host:port}.
   *
   * @throws IllegalArgumentException saying what is wrong (the message completes
   *     "expected host:port ..., got ...")
   */
  public static HostPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0 || text.endsWith("]")) {
      throw new IllegalArgumentException(EXPECTED + " (the port is missing)");
    }
    String host = text.substring(0, colon);
    String portText = text.substring(colon + 1);
    String hostProblem = hostProblem(host);
    if (hostProblem != null) {
      throw new IllegalArgumentException(EXPECTED + " (" + hostProblem + ")");
    }
    if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) < 1
        || Integer.parseInt(portText) > 65535) {
      throw new IllegalArgumentException(EXPECTED + " (the port \"" + portText + "\" is not in 1..65535)");
    }
    return new HostPort(host, Integer.parseInt(portText));
  }

  /** Why {@code host} is not a valid host, or {@code null} when it is. */
  private static String hostProblem(String host) {
    if (host.startsWith("[") && host.endsWith("]")) {
      String inner = host.substring(1, host.length() - 1);
      return IPV6.matcher(inner).matches() && inner.contains(":")
          ? null : "\"" + inner + "\" is not an IPv6 address";
    }
    if (host.contains(":")) {
      return "write an IPv6 host in brackets, e.g. [::1]:26656";
    }
    if (host.isEmpty()) {
      return "the host is missing";
    }
    return validHost(host) ? null : "\"" + host + "\" is not a host name or IP address";
  }

  private static boolean validHost(String host) {
    var ipv4 = IPV4.matcher(host);
    if (ipv4.matches()) {
      for (int group = 1; group <= 4; group++) {
        if (Integer.parseInt(ipv4.group(group)) > 255) {
          return false;
        }
      }
      return true;
    }
    return HOST_NAME.matcher(host).matches() && host.length() <= 253 && !host.matches("[\\d.]+");
  }

  /** Whether the address can be reached only from this machine: localhost, 127.0.0.0/8, [::1]. */
  public boolean isLoopback() {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.equals("localhost") || lower.startsWith("127.") || lower.equals("[::1]")
        || lower.equals("[0:0:0:0:0:0:0:1]");
  }

  /** The host as a socket API takes it: without the brackets of an IPv6 literal. */
  public String bindHost() {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
