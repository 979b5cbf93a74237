package cc.monitoring.benchmark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptionsTest {

    @Test
    void fullProfileRunsIssue13sNumbersUnlessAskedOtherwise() {
        Options full = Options.parse(new String[] {"--profile", "full"});
        assertEquals(5000, full.rate);
        assertEquals(60, full.duration);
        assertEquals(2000, full.messageRate);
        assertEquals(30, full.messageDuration);
        assertEquals(20, full.transcriptStreams);
        Options shorter = Options.parse(new String[] {"--profile", "full", "--rate", "2000", "--duration", "20"});
        assertEquals(2000, shorter.rate);
        assertEquals(20, shorter.duration);
    }

    @Test
    void defaultProfileKeepsItsDefaults() {
        Options o = Options.parse(new String[] {});
        assertEquals("default", o.profile);
        assertEquals(1000, o.rate);
        assertEquals(30, o.duration);
    }

    @Test
    void unknownProfileAndNonLoopbackDatabaseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--profile", "fast"}));
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--jdbc-url", "jdbc:postgresql://10.1.2.3:5432/monitoring"}));
    }

    @Test
    void transcriptMessagesGoRoundRobinOverTheChatsWithSequencesFromOne() {
        assertEquals(0, TranscriptLoad.chatOf(0));
        assertEquals(1, TranscriptLoad.sequenceOf(0));
        assertEquals(TranscriptLoad.CHATS - 1, TranscriptLoad.chatOf(TranscriptLoad.CHATS - 1));
        assertEquals(0, TranscriptLoad.chatOf(TranscriptLoad.CHATS));
        assertEquals(2, TranscriptLoad.sequenceOf(TranscriptLoad.CHATS));
    }
}
