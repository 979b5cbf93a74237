package cc.monitoring.telephony.provider.simulated;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.telephony.domain.LegEndReason;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.domain.ModeRefusal;
import cc.monitoring.telephony.provider.ProviderFailure;
import cc.monitoring.telephony.provider.TelephonyListener;
import cc.monitoring.telephony.provider.TelephonyProvider.DialRequest;

import io.opentelemetry.context.Context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A telephony platform in memory: calls, each a conference of agent, customer and monitor legs, that
 * behave like a real one, asynchronously. A dialed leg rings for {@code answerDelay} and then answers
 * muted, or fails (busy, no answer after {@code noAnswerTimeout}, unknown extension, no such call), or
 * rings until told ({@link SimulatedBehaviour#RING_FOREVER}). A mode change is confirmed (or refused)
 * asynchronously, like a real provider's (B29). When a call ends, every monitor leg on it ends with it.
 * <p>
 * Everything about one call happens on one lane (a single-threaded scheduler chosen by the call), so
 * the happenings of a call are reported in order and its state needs no locks.
 * <p>
 * Ending a call is the network's own business (its agent or customer hangs up): it is not part of
 * {@link SimulatedProvider}, the only view of the network the monitoring path gets.
 */
public final class SimulatedNetwork implements AutoCloseable {

    private static final Duration UNKNOWN_EXTENSION_DELAY = Duration.ofMillis(50);
    private static final Duration RETRY_DELAY = Duration.ofMillis(250);
    private static final int REPORT_ATTEMPTS = 5;
    /** How long a {@link SimulatedBehaviour#HOLD} holds a provider call at most before it fails like a timeout. */
    public static final Duration HOLD_LIMIT = Duration.ofSeconds(30);
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SimulatedNetwork.class);

    private final Duration answerDelay;
    private final Duration noAnswerTimeout;
    private final ScheduledExecutorService[] lanes;
    private final Map<String, SimCall> calls = new ConcurrentHashMap<>();
    private final Map<String, SimulatedBehaviour> injected = new ConcurrentHashMap<>();
    /** The extension each dialed leg was dialed at (tenant + address key), for the provider faults of its later calls. */
    private final Map<String, String> legAddresses = new ConcurrentHashMap<>();
    /** The legs whose dial is held now ({@link SimulatedBehaviour#HOLD}). */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Object holds = new Object();
    private volatile TelephonyListener listener = new Nobody();

    public SimulatedNetwork(Duration answerDelay, Duration noAnswerTimeout, int laneCount) {
        this.answerDelay = answerDelay;
        this.noAnswerTimeout = noAnswerTimeout;
        this.lanes = new ScheduledExecutorService[Math.max(1, laneCount)];
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < lanes.length; i++) {
            // tasks run in the trace of whoever asked (a dial's answer joins the dial command's trace)
            lanes[i] = Context.taskWrapping(Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "telephony-simulator-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    void listen(TelephonyListener listener) {
        this.listener = listener;
    }

    // --- the network's own side: calls come and go -----------------------------------------

    /** A customer and an agent are now talking in the conference {@code callRef}. */
    public void startCall(String tenantId, String callRef, String agentId, String customerNumber) {
        calls.put(callRef, new SimCall(tenantId, callRef, agentId, customerNumber));
    }

    /**
     * Puts back a call the gateway still knows as active after a restart (the simulated network lives
     * in memory; a real provider would still have it), with its connected monitor legs.
     */
    public void restoreCall(String tenantId, String callRef, String agentId, String customerNumber,
                            Map<String, LegMode> connectedLegs) {
        SimCall call = new SimCall(tenantId, callRef, agentId, customerNumber);
        connectedLegs.forEach((legId, mode) -> {
            call.dialed.add(legId);
            SimLeg leg = new SimLeg(legId, tenantId, null);
            leg.connected = true;
            leg.mode = mode;
            call.legs.put(legId, leg);
        });
        calls.putIfAbsent(callRef, call);
    }

    /**
     * The agent or the customer hung up: the conference closes, every monitor leg on it ends
     * (CALL_ENDED), then the call is reported ended. Asynchronous, like every happening.
     */
    public void endCall(String callRef, EndedBy endedBy) {
        lane(callRef).execute(() -> {
            SimCall call = calls.remove(callRef);
            if (call == null) {
                return;
            }
            for (SimLeg leg : new ArrayList<>(call.legs.values())) {
                leg.cancelPending();
                listener.legEnded(leg.legId, LegEndReason.CALL_ENDED);
            }
            call.legs.clear();
            call.dialed.forEach(legAddresses::remove);
            listener.callEnded(callRef, endedBy);
        });
    }

    /** Whether the call is still up in the network. */
    public boolean isUp(String callRef) {
        return calls.containsKey(callRef);
    }

    /** The call's conference as it is now (for inspection and tests); empty once the call ended. */
    public Optional<Conference> conference(String callRef) {
        try {
            return lane(callRef).submit(() -> {
                SimCall call = calls.get(callRef);
                if (call == null) {
                    return Optional.<Conference>empty();
                }
                Map<String, LegView> legs = new LinkedHashMap<>();
                call.legs.values().forEach(l -> legs.put(l.legId, new LegView(l.connected, l.mode)));
                return Optional.of(new Conference(call.agentId, call.customerNumber, legs));
            }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the simulated network did not answer", e);
        }
    }

    /** Agent and customer are always in the conference while the call is up; monitor legs come and go. */
    public record Conference(String agentId, String customerNumber, Map<String, LegView> monitorLegs) {
    }

    public record LegView(boolean connected, LegMode mode) {
    }

    // --- failure injection -------------------------------------------------------------------

    /** From now on, dialing {@code address} for this tenant behaves so (a failure, ringing for ever, ...). */
    public void inject(String tenantId, String address, SimulatedBehaviour behaviour) {
        injected.put(key(tenantId, address), behaviour);
        releaseHolds();
    }

    public void clear(String tenantId, String address) {
        injected.remove(key(tenantId, address));
        releaseHolds();
    }

    private void releaseHolds() {
        synchronized (holds) {
            holds.notifyAll();
        }
    }

    /** The legs whose dial is held in the provider call now ({@link SimulatedBehaviour#HOLD}). */
    public Set<String> held() {
        return Set.copyOf(held);
    }

    /**
     * What the provider answers a dial before it takes it: held while the extension is on HOLD, a retryable
     * failure while it is PROVIDER_UNAVAILABLE, a refusal while it is PROVIDER_REFUSES (B29).
     */
    void providerFaults(DialRequest request) {
        if (request.tenantId() == null || request.extensionAddress() == null) {
            return;
        }
        String key = key(request.tenantId(), request.extensionAddress());
        if (calls.containsKey(request.callRef())) { // forgotten with the call (endCall)
            legAddresses.putIfAbsent(request.legId(), key);
        }
        long deadline = System.nanoTime() + HOLD_LIMIT.toNanos();
        synchronized (holds) {
            try {
                while (injected.get(key) == SimulatedBehaviour.HOLD) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw ProviderFailure.retryable("PROVIDER_TIMEOUT", "the simulated provider did not answer in time");
                    }
                    held.add(request.legId());
                    TimeUnit.NANOSECONDS.timedWait(holds, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProviderFailure.retryable("PROVIDER_TIMEOUT", "interrupted while the simulated provider held the dial");
            } finally {
                held.remove(request.legId());
            }
        }
        failIfAsked(injected.get(key));
    }

    /** What the provider answers any other request about a leg: PROVIDER_UNAVAILABLE or PROVIDER_REFUSES (B29). */
    void providerFaultsOfLeg(String legId) {
        String key = legId == null ? null : legAddresses.get(legId);
        if (key != null) {
            failIfAsked(injected.get(key));
        }
    }

    private static void failIfAsked(SimulatedBehaviour behaviour) {
        if (behaviour == SimulatedBehaviour.PROVIDER_UNAVAILABLE) {
            throw ProviderFailure.retryable("PROVIDER_UNAVAILABLE", "the simulated provider is unavailable");
        }
        if (behaviour == SimulatedBehaviour.PROVIDER_REFUSES) {
            throw ProviderFailure.refused("PROVIDER_REFUSED", "the simulated provider refused the request");
        }
    }

    /** The behaviours injected for a tenant, by address. */
    public Map<String, SimulatedBehaviour> injected(String tenantId) {
        Map<String, SimulatedBehaviour> result = new java.util.TreeMap<>();
        String prefix = tenantId + "\n";
        injected.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                result.put(k.substring(prefix.length()), v);
            }
        });
        return result;
    }

    /** What dialing {@code address} does: an injected behaviour, else the demo conventions, else it answers. */
    Optional<SimulatedBehaviour> behaviourFor(String tenantId, String address) {
        if (tenantId == null || address == null) {
            return Optional.empty();
        }
        SimulatedBehaviour behaviour = injected.get(key(tenantId, address));
        return behaviour != null ? Optional.of(behaviour) : FailureConventions.of(address);
    }

    /**
     * The extension of a ringing leg picks up now (tests, demos): the leg connects muted, whatever timer
     * it was waiting for. Nothing happens if the leg is not ringing any more (hung up, failed, call ended).
     */
    public void answerNow(String callRef, String legId) {
        lane(callRef).execute(() -> {
            SimCall call = calls.get(callRef);
            SimLeg leg = call == null ? null : call.legs.get(legId);
            if (leg == null || leg.connected) {
                return;
            }
            leg.cancelPending();
            leg.connected = true;
            leg.mode = LegMode.MUTED;
            listener.legAnswered(leg.legId);
        });
    }

    private static String key(String tenantId, String address) {
        return tenantId + "\n" + address.trim().toLowerCase(java.util.Locale.ROOT);
    }

    // --- the monitoring side (through SimulatedProvider only) ----------------------------------

    void dial(DialRequest request) {
        lane(request.callRef()).execute(() -> {
            SimCall call = calls.get(request.callRef());
            if (call == null || !call.tenantId.equals(request.tenantId())) {
                listener.legFailed(request.legId(), LegFailure.CALL_NOT_FOUND);
                return;
            }
            if (!call.dialed.add(request.legId())) {
                return; // dialed before (idempotent per leg): no second participant, whatever became of the first
            }
            SimLeg leg = new SimLeg(request.legId(), request.tenantId(), request.extensionAddress());
            call.legs.put(leg.legId, leg);
            try {
                listener.legRinging(leg.legId, "sim-" + leg.legId);
            } catch (RuntimeException e) {
                // only the provider reference is lost; the leg still rings and answers
                LOG.warnf("simulated call %s: ringing report failed (%s)", call.ref, e.getMessage());
            }
            Optional<SimulatedBehaviour> behaviour = behaviourFor(request.tenantId(), request.extensionAddress());
            if (behaviour.isPresent() && behaviour.get() == SimulatedBehaviour.RING_FOREVER) {
                return; // until hung up, the call ends, or answerNow
            }
            Optional<LegFailure> failure = behaviour.flatMap(SimulatedBehaviour::failure);
            if (failure.isEmpty()) {
                leg.pending = later(call, answerDelay, () -> {
                    leg.connected = true;
                    leg.mode = LegMode.MUTED;
                    leg.pending = null;
                    listener.legAnswered(leg.legId);
                });
                return;
            }
            Duration ringing = switch (failure.get()) {
                case NO_ANSWER -> noAnswerTimeout;
                case UNKNOWN_EXTENSION -> UNKNOWN_EXTENSION_DELAY.compareTo(answerDelay) < 0 ? UNKNOWN_EXTENSION_DELAY : answerDelay;
                default -> answerDelay;
            };
            leg.pending = later(call, ringing, () -> {
                call.legs.remove(leg.legId);
                listener.legFailed(leg.legId, failure.get());
            });
        });
    }

    /**
     * Changes what the call hears from a connected leg and confirms it; a leg that is not connected, a
     * call that ended, or an extension that refuses mode changes is reported as refused (B29).
     */
    void setMode(String callRef, String legId, LegMode mode) {
        lane(callRef).execute(() -> {
            SimCall call = calls.get(callRef);
            SimLeg leg = call == null ? null : call.legs.get(legId);
            if (call == null) {
                listener.legModeRefused(legId, ModeRefusal.CALL_ENDED);
            } else if (leg == null || !leg.connected) {
                listener.legModeRefused(legId, ModeRefusal.LEG_NOT_CONNECTED);
            } else if (behaviourFor(leg.tenantId, leg.address).orElse(null) == SimulatedBehaviour.REFUSE_MODE_CHANGE) {
                listener.legModeRefused(legId, ModeRefusal.PROVIDER_ERROR);
            } else {
                leg.mode = mode;
                listener.legModeChanged(legId, mode);
            }
        });
    }

    /** Takes one monitor leg out of the conference; the call and every other leg stay (B24). */
    void hangUpLeg(String callRef, String legId) {
        lane(callRef).execute(() -> {
            SimCall call = calls.get(callRef);
            SimLeg leg = call == null ? null : call.legs.remove(legId);
            if (leg == null) {
                return;
            }
            leg.cancelPending();
            listener.legEnded(legId, LegEndReason.HUNG_UP);
        });
    }

    /**
     * Runs {@code step} on the call's lane after {@code delay}, unless the call ended meanwhile. A
     * step whose report fails (the gateway's database busy, say) is tried again a little later: a
     * scheduled task's exception would otherwise vanish, and with it the leg's answer.
     */
    private ScheduledFuture<?> later(SimCall call, Duration delay, Runnable step) {
        return later(call, delay, step, 1);
    }

    private ScheduledFuture<?> later(SimCall call, Duration delay, Runnable step, int attempt) {
        return lane(call.ref).schedule(() -> {
            if (calls.get(call.ref) != call) {
                return;
            }
            try {
                step.run();
            } catch (RuntimeException e) {
                if (attempt >= REPORT_ATTEMPTS) {
                    LOG.errorf(e, "simulated call %s: giving up on a report after %d attempts", call.ref, attempt);
                    return;
                }
                LOG.warnf("simulated call %s: report failed (%s), trying again", call.ref, e.getMessage());
                later(call, RETRY_DELAY, step, attempt + 1);
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private ScheduledExecutorService lane(String callRef) {
        return lanes[Math.floorMod(callRef.hashCode(), lanes.length)];
    }

    @Override
    public void close() {
        for (ScheduledExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }

    private static final class SimCall {
        final String tenantId;
        final String ref;
        final String agentId;
        final String customerNumber;
        final Map<String, SimLeg> legs = new LinkedHashMap<>();
        /** Every leg ever dialed into the call. */
        final java.util.Set<String> dialed = new java.util.HashSet<>();

        SimCall(String tenantId, String ref, String agentId, String customerNumber) {
            this.tenantId = tenantId;
            this.ref = ref;
            this.agentId = agentId;
            this.customerNumber = customerNumber;
        }
    }

    private static final class SimLeg {
        final String legId;
        final String tenantId;
        /** The dialed extension; null for a leg restored after a restart. */
        final String address;
        boolean connected;
        LegMode mode;
        ScheduledFuture<?> pending;

        SimLeg(String legId, String tenantId, String address) {
            this.legId = legId;
            this.tenantId = tenantId;
            this.address = address;
        }

        void cancelPending() {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
    }

    /** Until the gateway listens, happenings go nowhere. */
    private static final class Nobody implements TelephonyListener {
        public void legRinging(String legId, String providerLegRef) { }
        public void legAnswered(String legId) { }
        public void legFailed(String legId, LegFailure failure) { }
        public void legModeChanged(String legId, LegMode mode) { }
        public void legModeRefused(String legId, ModeRefusal reason) { }
        public void legEnded(String legId, LegEndReason reason) { }
        public void callEnded(String callRef, EndedBy endedBy) { }
    }
}
