package cc.monitoring.kit.api;

import cc.monitoring.kit.problem.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    /** A service's own 400, as each service passes it in. */
    static final class InvalidListing extends DomainException {
        InvalidListing(String detail) {
            super(Kind.INVALID, "invalid-listing", "Invalid listing", detail);
        }
    }

    private static PageRequest parse(String page, String size) {
        return PageRequest.parse(page, size, PageRequest.Bounds.STANDARD, InvalidListing::new);
    }

    @ParameterizedTest
    @CsvSource({"0,1", "0,200", "5000,200", "1000000,1", " 3 ,50", "7,", ",20"})
    void pagesWithinTheBoundsAreAccepted(String page, String size) {
        PageRequest paging = parse(page, size);

        assertEquals(page == null ? 0 : Integer.parseInt(page.trim()), paging.page());
        assertEquals(size == null ? 50 : Integer.parseInt(size.trim()), paging.size());
        assertEquals((long) paging.page() * paging.size(), paging.offset());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void aMissingPageIsTheFirstAndAMissingSizeTheDefault(String missing) {
        assertEquals(new PageRequest(0, 50), parse(missing, missing));
        assertEquals(new PageRequest(0, 10),
                PageRequest.parse(missing, missing, PageRequest.Bounds.STANDARD.withDefaultSize(10), InvalidListing::new));
    }

    @ParameterizedTest
    @CsvSource({"2147483647,50", "99999999,50", "5001,200", "1000001,1", "-1,50", "0,0", "0,201", "0,-5",
            "abc,50", "0,1e3", "99999999999999999999,1", "1.5,10", "0x10,1", "+1,1"})
    void pagesBeyondTheBoundsOrNotNumbersAreTheCallingServicesBadRequest(String page, String size) {
        InvalidListing e = assertThrows(InvalidListing.class, () -> parse(page, size));

        assertEquals("invalid-listing", e.type());
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertFalse(e.getMessage().contains("abc") || e.getMessage().contains("99999999999"),
                "the detail quotes no input: " + e.getMessage());
    }

    @Test
    void eachListingMayHaveItsOwnBounds() {
        PageRequest.Bounds small = new PageRequest.Bounds(5, 10, 100);

        assertEquals(new PageRequest(10, 10), PageRequest.parse("10", "10", small, InvalidListing::new));
        assertEquals(10, small.maxPage(10));
        assertThrows(InvalidListing.class, () -> PageRequest.parse("0", "11", small, InvalidListing::new));
        assertThrows(InvalidListing.class, () -> PageRequest.parse("11", "10", small, InvalidListing::new));
        assertThrows(IllegalArgumentException.class, () -> new PageRequest.Bounds(20, 10, 100));
    }
}
