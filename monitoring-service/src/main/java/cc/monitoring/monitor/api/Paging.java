package cc.monitoring.monitor.api;

import cc.monitoring.monitor.domain.InvalidRequestException;

final class Paging {

    static final int MAX_SIZE = 200;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("page counts from 0; size is between 1 and " + MAX_SIZE);
        }
    }
}
