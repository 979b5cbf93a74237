package cc.monitoring.twiliodouble;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The JSON of Twilio's Call, Conference and Participant resources and of their list pages. */
final class Resources {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNTS = "/2010-04-01/Accounts/";

    private Resources() {
    }

    static ObjectNode call(CallLeg c) {
        String uri = ACCOUNTS + c.accountSid + "/Calls/" + c.sid;
        ObjectNode n = JSON.createObjectNode();
        n.put("account_sid", c.accountSid);
        n.putNull("answered_by");
        n.put("api_version", Engine.API_VERSION);
        n.putNull("caller_name");
        date(n, "date_created", c.created);
        date(n, "date_updated", c.updated);
        n.put("direction", c.direction);
        if (c.started != null && c.ended != null) {
            n.put("duration", String.valueOf(java.time.Duration.between(c.started, c.ended).toSeconds()));
        } else if (c.ended != null) {
            n.put("duration", "0");
        } else {
            n.putNull("duration");
        }
        date(n, "end_time", c.ended);
        n.putNull("forwarded_from");
        n.put("from", c.from);
        n.put("from_formatted", c.from);
        n.putNull("group_sid");
        n.putNull("parent_call_sid");
        n.putNull("phone_number_sid");
        n.putNull("price");
        n.put("price_unit", "USD");
        n.put("sid", c.sid);
        date(n, "start_time", c.started);
        n.put("status", c.status);
        ObjectNode sub = n.putObject("subresource_uris");
        for (String s : List.of("notifications", "recordings", "payments", "events", "siprec", "streams",
                "transcriptions", "user_defined_message_subscriptions", "user_defined_messages")) {
            sub.put(s, uri + "/" + camel(s) + ".json");
        }
        n.put("to", c.to);
        n.put("to_formatted", c.to);
        n.putNull("trunk_sid");
        n.put("uri", uri + ".json");
        n.put("queue_time", "0");
        return n;
    }

    static ObjectNode conference(Conference c) {
        String uri = ACCOUNTS + c.accountSid + "/Conferences/" + c.sid;
        ObjectNode n = JSON.createObjectNode();
        n.put("account_sid", c.accountSid);
        n.put("api_version", Engine.API_VERSION);
        n.putNull("call_sid_ending_conference");
        if (c.callSidEnding != null) {
            n.put("call_sid_ending_conference", c.callSidEnding);
        }
        date(n, "date_created", c.created);
        date(n, "date_updated", c.updated);
        n.put("friendly_name", c.friendlyName);
        if (c.reasonEnded == null) {
            n.putNull("reason_conference_ended");
        } else {
            n.put("reason_conference_ended", c.reasonEnded);
        }
        n.put("region", "us1");
        n.put("sid", c.sid);
        n.put("status", c.status);
        ObjectNode sub = n.putObject("subresource_uris");
        sub.put("participants", uri + "/Participants.json");
        sub.put("recordings", uri + "/Recordings.json");
        n.put("uri", uri + ".json");
        return n;
    }

    static ObjectNode participant(Participant p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("account_sid", p.call.accountSid);
        n.put("call_sid", p.call.sid);
        if (p.callSidToCoach == null) {
            n.putNull("call_sid_to_coach");
        } else {
            n.put("call_sid_to_coach", p.callSidToCoach);
        }
        n.put("coaching", p.coaching);
        n.put("conference_sid", p.conference.sid);
        date(n, "date_created", p.created);
        date(n, "date_updated", p.updated);
        n.put("end_conference_on_exit", p.endConferenceOnExit);
        n.put("hold", p.hold);
        if (p.label == null) {
            n.putNull("label");
        } else {
            n.put("label", p.label);
        }
        n.put("muted", p.muted);
        n.putNull("queue_time");
        n.put("start_conference_on_enter", p.startConferenceOnEnter);
        n.put("status", p.status);
        n.put("uri", ACCOUNTS + p.call.accountSid + "/Conferences/" + p.conference.sid + "/Participants/"
                + p.call.sid + ".json");
        return n;
    }

    /** A list page: everything fits on page 0 (the double pages nothing). */
    static <T> ObjectNode page(String key, String path, int pageSize, List<T> items, Function<T, ObjectNode> json) {
        ObjectNode n = JSON.createObjectNode();
        List<T> shown = items.subList(0, Math.min(items.size(), pageSize));
        ArrayNode array = n.putArray(key);
        shown.forEach(item -> array.add(json.apply(item)));
        n.put("end", Math.max(0, shown.size() - 1));
        n.put("first_page_uri", path + "?PageSize=" + pageSize + "&Page=0");
        n.putNull("next_page_uri");
        n.put("page", 0);
        n.put("page_size", pageSize);
        n.putNull("previous_page_uri");
        n.put("start", 0);
        n.put("uri", path + "?PageSize=" + pageSize + "&Page=0");
        return n;
    }

    static ObjectNode error(TwilioError e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("code", e.code);
        n.put("message", e.getMessage());
        n.put("more_info", "https://www.twilio.com/docs/errors/" + e.code);
        n.put("status", e.status);
        return n;
    }

    private static void date(ObjectNode n, String field, Instant instant) {
        if (instant == null) {
            n.putNull(field);
        } else {
            n.put(field, Engine.RFC_2822.format(instant));
        }
    }

    /** notifications → Notifications, user_defined_messages → UserDefinedMessages. */
    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
