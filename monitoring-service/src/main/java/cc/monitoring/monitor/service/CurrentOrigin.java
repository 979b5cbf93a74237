package cc.monitoring.monitor.service;

import jakarta.enterprise.context.RequestScoped;

/** The {@link Origin} of the current HTTP request, set by the REST adapter when the request arrives. */
@RequestScoped
public class CurrentOrigin {

    private Origin origin = Origin.NONE;

    public Origin get() {
        return origin;
    }

    public void set(Origin origin) {
        this.origin = origin == null ? Origin.NONE : origin;
    }
}
