package io.helixagent.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The WIRTHFORGE guide's "council sync delays": each question goes to a council of five models in parallel
 * and waits for all answers. Model #3 answers in 400 ms, the others in 50 ms, so every question takes 400 ms.
 * The council is asked both ways: {@code invokeAll} and {@code CompletableFuture.allOf}.
 * <p>
 * Expected from helix-agent: {@code fanout.straggler} for both call sites, naming member #3.
 */
public final class FanoutStragglerSample {
    private static final int COUNCIL = 5;
    private static final int SLOW_MEMBER = 3;

    private FanoutStragglerSample() {
    }

    public static void main(final String[] args) throws Exception {
        final int seconds = SampleRunner.seconds(args);
        final ExecutorService council = Executors.newFixedThreadPool(COUNCIL, SaturatedPoolSample.named("council"));
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int questions = 0;
        while (System.nanoTime() < end) {
            askWithInvokeAll(council);
            askWithAllOf(council);
            questions += 2;
        }
        System.out.println("questions answered by the council: " + questions);
        SampleRunner.printReports();
        council.shutdownNow();
    }

    private static void askWithInvokeAll(final ExecutorService council) throws InterruptedException {
        final List<Callable<String>> members = new ArrayList<>();
        for (int i = 0; i < COUNCIL; i++) {
            final int member = i;
            members.add(() -> answer(member));
        }
        council.invokeAll(members);
    }

    private static void askWithAllOf(final ExecutorService council) {
        final List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < COUNCIL; i++) {
            final int member = i;
            answers.add(CompletableFuture.supplyAsync(() -> answer(member), council));
        }
        CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).join();
    }

    private static String answer(final int member) {
        try {
            Thread.sleep(member == SLOW_MEMBER ? 400 : 50);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return "answer of model " + member;
    }
}
