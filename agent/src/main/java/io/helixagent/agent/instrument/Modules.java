package io.helixagent.agent.instrument;

import io.helixagent.agent.instrument.beans.PropertyChangeSupportModule;
import io.helixagent.agent.instrument.caffeine.CaffeineModule;
import io.helixagent.agent.instrument.disruptor.DisruptorModule;
import io.helixagent.agent.instrument.executor.FanoutModule;
import io.helixagent.agent.instrument.executor.ForkJoinPoolModule;
import io.helixagent.agent.instrument.executor.ThreadPoolExecutorModule;
import io.helixagent.agent.instrument.flow.SubmissionPublisherModule;
import io.helixagent.agent.instrument.guava.GuavaCacheModule;
import io.helixagent.agent.instrument.guava.GuavaEventBusModule;
import io.helixagent.agent.instrument.hikari.HikariModule;
import io.helixagent.agent.instrument.httpclient5.HttpClient5Module;
import io.helixagent.agent.instrument.jcache.JCacheModule;
import io.helixagent.agent.instrument.jdkhttp.JdkHttpClientModule;
import io.helixagent.agent.instrument.jdkhttp.UrlConnectionModule;
import java.util.List;

/** Every instrumentation module of this build, in one list: what {@code instrument=} accepts and enables. */
public final class Modules {
    private Modules() {
    }

    /** @return a fresh instance of every module. */
    public static List<InstrumentationModule> all() {
        return List.of(new ThreadPoolExecutorModule(), new ForkJoinPoolModule(), new FanoutModule(),
            new CaffeineModule(), new GuavaCacheModule(), new JCacheModule(), new GuavaEventBusModule(),
            new SubmissionPublisherModule(), new DisruptorModule(), new PropertyChangeSupportModule(),
            new HikariModule(), new HttpClient5Module(), new JdkHttpClientModule(), new UrlConnectionModule());
    }

    /** @return the id of every module. */
    public static List<String> ids() {
        return all().stream().map(InstrumentationModule::id).toList();
    }

    /** @return the modules {@code selected} names ({@code all}, or ids). */
    public static List<InstrumentationModule> enabled(final List<String> selected) {
        return all().stream().filter(m -> selected.contains("all") || selected.contains(m.id())).toList();
    }
}
