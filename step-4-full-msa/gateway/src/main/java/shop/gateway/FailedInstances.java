package shop.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.stereotype.Component;

/**
 * Instances a call just failed to reach, left out of the choice for a few seconds. A read
 * that failed on one instance is tried again; without this, under concurrent requests the
 * round robin hands the retry to the same dead instance about half the time, until the
 * next health check. With it, the first failure takes the instance out at once. When
 * every instance failed lately, all are offered again: a guess beats a certain 503.
 */
@Component
class FailedInstances implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

	/** How long an instance that failed a call is left out. */
	static final Duration LEFT_OUT_FOR = Duration.ofSeconds(3);

	private final Map<String, Long> failedAt = new ConcurrentHashMap<>();

	@Override
	public void onStart(Request<Object> request) {
	}

	@Override
	public void onStartRequest(Request<Object> request, Response<ServiceInstance> response) {
	}

	@Override
	public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
		Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
		if (completion.status() == CompletionContext.Status.FAILED && chosen != null && chosen.hasServer()) {
			this.failedAt.put(address(chosen.getServer()), System.nanoTime());
		}
	}

	/**
	 * Wraps a backend's instance list so that it leaves out the instances that failed
	 * lately.
	 * @param delegate the list to filter
	 * @return the filtered list
	 */
	ServiceInstanceListSupplier leftOutOf(ServiceInstanceListSupplier delegate) {
		return new DelegatingServiceInstanceListSupplier(delegate) {

			@Override
			public Flux<List<ServiceInstance>> get() {
				return getDelegate().get().map(FailedInstances.this::withoutRecentFailures);
			}

		};
	}

	private List<ServiceInstance> withoutRecentFailures(List<ServiceInstance> instances) {
		long now = System.nanoTime();
		List<ServiceInstance> healthy = instances.stream().filter((instance) -> {
			Long failed = this.failedAt.get(address(instance));
			return failed == null || now - failed > LEFT_OUT_FOR.toNanos();
		}).toList();
		return healthy.isEmpty() ? instances : healthy;
	}

	private static String address(ServiceInstance instance) {
		return instance.getHost() + ":" + instance.getPort();
	}

}
