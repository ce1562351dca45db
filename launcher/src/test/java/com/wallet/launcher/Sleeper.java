package com.wallet.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JVM for the tests to start and stop: sleeps. With "stubborn", its shutdown hook never returns (TERM
 * is not enough); with "env NAME...", it first prints each NAME=value it was given; with "launch LOG PID",
 * it is a launcher: starts a plain Sleeper detached (output to LOG, pid to PID) and exits at once; with
 * "say LINE" it first prints LINE ("say-and-exit LINE": and exits 1, as a server failing at start-up).
 */
public final class Sleeper {

    private Sleeper() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("launch")) {
            String javaBin = ProcessHandle.current().info().command().orElse("java");
            Process child = Processes.startDetached(List.of(javaBin, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                    Sleeper.class.getName()), Map.of(), Path.of(args[1]), null);
            Files.writeString(Path.of(args[2]), child.pid() + "\n");
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("stubborn")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        if (args.length > 1 && (args[0].equals("say") || args[0].equals("say-and-exit"))) {
            System.out.println(args[1]);
            if (args[0].equals("say-and-exit")) {
                System.exit(1);
            }
        }
        if (args.length > 0 && args[0].equals("env")) {
            for (int i = 1; i < args.length; i++) {
                System.out.println(args[i] + "=" + System.getenv(args[i]));
            }
        }
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
