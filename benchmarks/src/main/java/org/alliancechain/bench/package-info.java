/**
 * Benchmarks, one package per module under test. Run with {@code ./mvnw -Pbench -DskipTests
 * package} and {@code java -jar benchmarks/target/benchmarks.jar}; see docs/performance.md.
 */
package org.alliancechain.bench;
