package io.helixagent.samples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The guide's "incorrect lock ordering": a transfer from account A to B locks A then B, one from B to A locks B
 * then A; both run at once and wait for each other forever. The same happens with two {@code ReentrantLock}s.
 * <p>
 * Expected from helix-agent: {@code locks.deadlock} (CRITICAL) twice, naming both threads of each pair, the locks
 * and the stacks, within 5 seconds.
 */
public final class DeadlockSample {
    private DeadlockSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final Object accountA = new Object();
        final Object accountB = new Object();
        final CountDownLatch bothHoldOne = new CountDownLatch(2);
        start("transfer-a-to-b", () -> transfer(accountA, accountB, bothHoldOne));
        start("transfer-b-to-a", () -> transfer(accountB, accountA, bothHoldOne));
        final ReentrantLock ledger = new ReentrantLock();
        final ReentrantLock audit = new ReentrantLock();
        final CountDownLatch bothLocked = new CountDownLatch(2);
        start("ledger-writer", () -> lockBoth(ledger, audit, bothLocked));
        start("audit-writer", () -> lockBoth(audit, ledger, bothLocked));
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        SampleRunner.printReports();
    }

    private static void start(final String name, final Runnable work) {
        final Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void transfer(final Object from, final Object to, final CountDownLatch bothHoldOne) {
        synchronized (from) {
            awaitOther(bothHoldOne);
            synchronized (to) {
                System.out.println("transferred");
            }
        }
    }

    private static void lockBoth(final ReentrantLock first, final ReentrantLock second, final CountDownLatch both) {
        first.lock();
        try {
            awaitOther(both);
            second.lock();
            second.unlock();
        } finally {
            first.unlock();
        }
    }

    private static void awaitOther(final CountDownLatch latch) {
        latch.countDown();
        try {
            latch.await();
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
