package io.helixagent.agent.probe;

/** Derives a pool's name from its threads' names, the name users see in thread dumps and logs. */
public final class ThreadNames {
    private ThreadNames() {
    }

    /**
     * @return the name without its trailing counter: {@code pool-1-thread-3} gives {@code pool-1-thread},
     *     {@code http-nio-8080-exec-10} gives {@code http-nio-8080-exec}.
     */
    public static String prefixOf(final String threadName) {
        int end = threadName.length();
        while (end > 0 && Character.isDigit(threadName.charAt(end - 1))) {
            end--;
        }
        while (end > 0 && "-_#. ".indexOf(threadName.charAt(end - 1)) >= 0) {
            end--;
        }
        return end == 0 ? threadName : threadName.substring(0, end);
    }
}
