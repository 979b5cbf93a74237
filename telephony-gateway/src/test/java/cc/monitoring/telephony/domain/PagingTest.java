package cc.monitoring.telephony.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagingTest {

    @ParameterizedTest
    @CsvSource({"0,1", "0,200", "5000,200", "1000000,1", " 3 ,50"})
    void pagesWithinTheBoundsAreAccepted(String page, String size) {
        Paging paging = Paging.of(page, size);
        assertEquals(Integer.parseInt(page.trim()), paging.page());
        assertEquals(Integer.parseInt(size.trim()), paging.size());
    }

    @ParameterizedTest
    @CsvSource({"2147483647,50", "99999999,50", "5001,200", "1000001,1", "-1,50", "0,0", "0,201", "0,-5",
            "abc,50", "0,1e3", "99999999999999999999,1", "1.5,10"})
    void pagesBeyondTheBoundsAreInvalid(String page, String size) {
        assertThrows(InvalidCallException.class, () -> Paging.of(page, size));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void aMissingNumberIsInvalid(String page) {
        assertThrows(InvalidCallException.class, () -> Paging.of(page, "10"));
    }
}
