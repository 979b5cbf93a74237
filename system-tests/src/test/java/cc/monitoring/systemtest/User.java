package cc.monitoring.systemtest;

/**
 * Someone signed in to the system: a tenant, a subject (the identity provider's {@code sub}) and a real signed
 * access token for the services' audience; one {@link Api} per service.
 */
public record User(String tenant, String id, String name, String token, SystemUnderTest sut) {

    public Api permission() {
        return api(Service.PERMISSION);
    }

    public Api interaction() {
        return api(Service.INTERACTION);
    }

    public Api telephony() {
        return api(Service.TELEPHONY);
    }

    public Api monitoring() {
        return api(Service.MONITORING);
    }

    public Api transcript() {
        return api(Service.TRANSCRIPT);
    }

    public Api api(Service service) {
        return new Api(sut.url(service), token, id + "@" + tenant);
    }

    @Override
    public String toString() {
        return id + "@" + tenant;
    }
}
