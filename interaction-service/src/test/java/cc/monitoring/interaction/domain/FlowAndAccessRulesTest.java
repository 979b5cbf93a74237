package cc.monitoring.interaction.domain;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.kit.api.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Not a @QuarkusTest: flow settings, who may do what, and listing parameters are plain Java. */
class FlowAndAccessRulesTest {

    @Test
    void B03_aFlowNobodyConfiguredIsNamedAfterItsIdWithTheDefaultToggle() {
        assertEquals(new Flow("support-emea", "support-emea", true), Flow.withDefaults("support-emea", true));
        assertEquals(new Flow("support-emea", "support-emea", false), Flow.withDefaults("support-emea", false));
    }

    @Test
    void B03_anAdministratorMustSayWhetherTheFlowAllowsSilentMonitoring() {
        assertEquals("invalid-flow", assertThrows(InvalidFlowException.class,
                () -> Flow.configured("sales", "Sales", null)).type());
        assertFalse(Flow.configured("sales", "Sales", false).silentMonitoring());
        assertEquals("sales", Flow.configured("sales", "  ", true).name(), "a blank name falls back to the id");
        assertEquals("Sales", Flow.configured("sales", " Sales ", true).name());
        assertThrows(InvalidFlowException.class, () -> Flow.configured("sales", "x".repeat(201), true));
    }

    @Test
    void flowIdsAreShortAndPlain() {
        for (String good : List.of("sales", "Sales_EMEA-2", "flow:42", "a.b", "x".repeat(64))) {
            assertTrue(FlowId.isValid(good), good);
        }
        for (String bad : List.of("", " ", "has space", "a/b", "-leading", "x".repeat(65), "é", "a\nb")) {
            assertFalse(FlowId.isValid(bad), bad);
            assertThrows(InvalidFlowException.class, () -> FlowId.check(bad));
        }
        assertFalse(FlowId.isValid(null));
    }

    @Test
    void onlyManageUsersChangesFlows() {
        assertDoesNotThrow(() -> Grants.of(List.of("MANAGE_USERS"), 1).requireFlowAdministration());
        NotPermittedException refused = assertThrows(NotPermittedException.class,
                () -> Grants.of(List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS"), 1).requireFlowAdministration());
        assertEquals("not-permitted", refused.type());
        assertThrows(NotPermittedException.class, () -> Grants.none().requireFlowAdministration());
    }

    @Test
    void B08_theChannelPlatformReadsEveryInteractionAdministratorsOnlyMonitorableOnesMonitorsNone() {
        assertEquals(ReadScope.ALL, Grants.of(List.of("HANDLE_CONVERSATIONS"), 1).readScope());
        assertEquals(ReadScope.ALL, Grants.of(List.of("HANDLE_CONVERSATIONS", "MANAGE_USERS"), 1).readScope());
        assertEquals(ReadScope.MONITORABLE, Grants.of(List.of("MANAGE_USERS", "MONITOR_ALL_CALLS", "VIEW_AUDIT"), 1)
                .readScope());
        assertTrue(ReadScope.ALL.shows(false));
        assertTrue(ReadScope.MONITORABLE.shows(true));
        assertFalse(ReadScope.MONITORABLE.shows(false), "toggle off: invisible to administrators (B08, B03)");
        for (List<String> refused : List.of(List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS"),
                List.of("VIEW_AUDIT"), List.<String>of())) {
            InteractionsNotPermittedException e = assertThrows(InteractionsNotPermittedException.class,
                    () -> Grants.of(refused, 1).readScope(), refused.toString());
            assertEquals("interactions-not-permitted", e.type());
        }
        assertThrows(InteractionsNotPermittedException.class, () -> Grants.none().readScope());
    }

    @Test
    void B34_onlyTheChannelPlatformReadsMessageTextHerePeopleNever() {
        assertDoesNotThrow(() -> Grants.of(List.of("HANDLE_CONVERSATIONS"), 1).requireMessageReading());
        for (List<String> person : List.of(List.of("MANAGE_USERS", "MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS",
                "VIEW_AUDIT"), List.of("MONITOR_ALL_CALLS"), List.<String>of())) {
            assertEquals("interactions-not-permitted", assertThrows(InteractionsNotPermittedException.class,
                    () -> Grants.of(person, 1).requireMessageReading()).type());
        }
    }

    @Test
    void B30_onlyHandleConversationsDeliversConversationsMonitoringPermissionsDoNot() {
        assertDoesNotThrow(() -> Grants.of(List.of("HANDLE_CONVERSATIONS"), 1).requireConversationHandling());
        ConversationNotPermittedException refused = assertThrows(ConversationNotPermittedException.class,
                () -> Grants.of(List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS", "MANAGE_USERS", "VIEW_AUDIT"), 1)
                        .requireConversationHandling());
        assertEquals("conversation-not-permitted", refused.type());
        assertTrue(refused.getMessage().contains("HANDLE_CONVERSATIONS"), refused.getMessage());
        assertThrows(ConversationNotPermittedException.class, () -> Grants.none().requireConversationHandling());
        assertThrows(NotPermittedException.class, () -> Grants.of(List.of("HANDLE_CONVERSATIONS"), 1)
                .requireFlowAdministration(), "handling conversations does not grant administering flows");
    }

    @Test
    void listingParametersAreCheckedAsTheClientSendsThem() {
        assertEquals(new InteractionFilter(InteractionState.ACTIVE, Channel.VOICE, null),
                InteractionFilter.parse("active", " VOICE ", ""));
        assertEquals(new InteractionFilter(null, null, "agent-7"), InteractionFilter.parse(null, null, "agent-7"));
        assertThrows(InvalidQueryException.class, () -> InteractionFilter.parse("RINGING", null, null));
        assertThrows(InvalidQueryException.class, () -> InteractionFilter.parse(null, "FAX", null));
        assertEquals(new PageRequest(0, 50), page(null, null));
        assertEquals(new PageRequest(2, 10), page("2", "10"));
        for (String[] bad : List.of(new String[] {"-1", "10"}, new String[] {"0", "0"}, new String[] {"0", "201"},
                new String[] {"abc", "10"}, new String[] {"0", "1e3"})) {
            assertEquals("invalid-query", assertThrows(InvalidQueryException.class, () -> page(bad[0], bad[1])).type());
        }
    }

    @Test
    void listingsAreBoundedPageTimesSizeAtAMillionAndAgentIdsAtSixtyFourCharacters() {
        assertEquals(new PageRequest(5_000, 200), page("5000", "200"));
        assertEquals(new PageRequest(1_000_000, 1), page("1000000", "1"));
        for (String[] bad : List.of(new String[] {"99999999", null}, new String[] {"5001", "200"},
                new String[] {"2147483647", "200"}, new String[] {"20000000", "50"}, new String[] {"1000001", "1"},
                new String[] {"99999999999999999999", "1"})) {
            assertEquals("invalid-query", assertThrows(InvalidQueryException.class, () -> page(bad[0], bad[1]),
                    bad[0] + " × " + bad[1]).type());
        }
        assertEquals("a".repeat(64), InteractionFilter.parse(null, null, "a".repeat(64)).agentId());
        assertThrows(InvalidQueryException.class, () -> InteractionFilter.parse(null, null, "a".repeat(65)));
        assertThrows(InvalidQueryException.class, () -> InteractionFilter.parse(null, null, "agent\u0000"));
    }

    @Test
    void pathIdsHaveAtMostSixtyFourPrintableCharacters() {
        assertEquals("x".repeat(64), Ids.checkPath("x".repeat(64), "id"));
        for (String bad : new String[] {null, "", "x".repeat(65), "a\nb", "nul\u0000"}) {
            assertEquals("invalid-id", assertThrows(InvalidIdException.class, () -> Ids.checkPath(bad, "id")).type());
        }
    }

    /** The listing's paging as InteractionService parses it. */
    private static PageRequest page(String page, String size) {
        return PageRequest.parse(page, size, PageRequest.Bounds.STANDARD, InvalidQueryException::new);
    }
}
