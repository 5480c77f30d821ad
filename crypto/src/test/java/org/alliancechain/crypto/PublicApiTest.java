package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Other modules may not import BouncyCastle, so none of its types may show in this API. */
class PublicApiTest {
  @Test
  void noBouncyCastleTypeAppearsInAnyPublicSignature() throws Exception {
    List<String> leaks = new ArrayList<>();
    List<Class<?>> classes = mainClasses();
    assertThat(classes).contains(KeyPem.class, BatchVerifier.Item.class, SparseMerkleProof.Leaf.class);

    for (Class<?> type : classes) {
      if (!Modifier.isPublic(type.getModifiers())) {
        continue;
      }
      check(leaks, type + " extends", type.getGenericSuperclass());
      for (Type implemented : type.getGenericInterfaces()) {
        check(leaks, type + " implements", implemented);
      }
      for (Field field : type.getDeclaredFields()) {
        if (exposed(field.getModifiers())) {
          check(leaks, field.toString(), field.getGenericType());
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (exposed(method.getModifiers())) {
          check(leaks, method.toString(), method.getGenericReturnType());
          checkParameters(leaks, method);
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (exposed(constructor.getModifiers())) {
          checkParameters(leaks, constructor);
        }
      }
    }

    assertThat(leaks).isEmpty();
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void checkParameters(List<String> leaks, Executable executable) {
    for (Type parameter : executable.getGenericParameterTypes()) {
      check(leaks, executable.toString(), parameter);
    }
    for (Type thrown : executable.getGenericExceptionTypes()) {
      check(leaks, executable.toString(), thrown);
    }
  }

  private static void check(List<String> leaks, String where, Type type) {
    if (type != null && type.getTypeName().contains("org.bouncycastle")) {
      leaks.add(where + ": " + type.getTypeName());
    }
  }

  private static List<Class<?>> mainClasses() throws IOException, URISyntaxException,
      ClassNotFoundException {
    Path root = Path.of(KeyPem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path packageDir = root.resolve("org/alliancechain/crypto");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(packageDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String simple = file.getFileName().toString().replace(".class", "").replace('/', '.');
        out.add(Class.forName("org.alliancechain.crypto." + simple));
      }
    }
    return out;
  }
}
