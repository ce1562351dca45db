package com.wallet.chaos;

/** Sleeping is the point in a fault schedule (down times, pacing); interruption ends the wait. */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void until(long nanoTime) {
        millis((nanoTime - System.nanoTime()) / 1_000_000);
    }
}
