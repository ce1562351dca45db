package com.wallet.launcher;

/** A JVM for DownCommandTest to stop: sleeps; with "stubborn", its shutdown hook never returns (TERM is not enough). */
public final class Sleeper {

    private Sleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("stubborn")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
