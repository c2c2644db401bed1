package io.github.fxsession.netlog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks Chromium's netlog viewer (catapult {@code netlog_viewer}, {@code log_util.js} {@code loadLogFile}
 * and {@code loadLogDump}, {@code main.js} {@code areValidConstants}) makes when it opens a file, written
 * down in Java so that a test can tell whether the viewer would load a log, plus the nesting its event
 * view expects:
 * <ol>
 * <li>the text parses as JSON; if not, the viewer cuts it after the last {@code ",\n"} (or {@code ",\r"})
 *     and appends {@code "]}"} (a log whose writer stopped mid-way), and that must parse;</li>
 * <li>{@code constants} has objects {@code logEventTypes}, {@code clientInfo}, {@code logEventPhase},
 *     {@code logSourceType}, {@code loadFlag}, {@code netError}, {@code addressFamily}; {@code timeTickOffset}
 *     is a number or a string holding one; {@code logFormatVersion} is the number 1; {@code events} is an
 *     array;</li>
 * <li>every event is an object with an object {@code source}, a string {@code time}, a {@code type} that is
 *     a value of {@code logEventTypes}, a {@code source.type} that is a value of {@code logSourceType} and a
 *     {@code phase} that is a value of {@code logEventPhase} (else the viewer drops it: "Unable to load N
 *     events, due to invalid data");</li>
 * <li>per source (numeric {@code source.id}, string {@code source.start_time}), each {@code PHASE_END}
 *     closes the latest open {@code PHASE_BEGIN} of the same type.</li>
 * </ol>
 */
final class NetLogViewerLoader {

    /** What the viewer made of a file. */
    record Loaded(JsonNode dump, boolean truncated, List<String> problems, int events, int openBegins) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NetLogViewerLoader() {
    }

    static Loaded load(String contents) {
        List<String> problems = new ArrayList<>();
        JsonNode dump;
        boolean truncated = false;
        try {
            dump = JSON.readTree(contents);
        } catch (JacksonException e) {
            int end = Math.max(contents.lastIndexOf(",\n"), contents.lastIndexOf(",\r"));
            if (end == -1) {
                return new Loaded(null, false, List.of("Unable to parse log dump as JSON file"), 0, 0);
            }
            try {
                dump = JSON.readTree(contents.substring(0, end) + "]}");
                truncated = true;
            } catch (JacksonException again) {
                return new Loaded(null, false, List.of("Unable to parse log dump as JSON file"), 0, 0);
            }
        }
        if (dump == null || !dump.isObject()) {
            return new Loaded(dump, truncated, List.of("Load failed.  Top level JSON data is not an object."), 0, 0);
        }
        JsonNode constants = dump.path("constants");
        for (String map : List.of("logEventTypes", "clientInfo", "logEventPhase", "logSourceType", "loadFlag", "netError",
                "addressFamily")) {
            if (!constants.path(map).isObject()) {
                problems.add("Invalid constants object: " + map);
            }
        }
        JsonNode offset = constants.path("timeTickOffset");
        if (!offset.isNumber() && !(offset.isString() && offset.asString().matches("-?\\d+.*"))) {
            problems.add("Invalid constants object: timeTickOffset");
        }
        if (!constants.path("logFormatVersion").isNumber() || constants.path("logFormatVersion").asInt() != 1) {
            problems.add("Unable to load different log version.");
        }
        if (!dump.path("events").isArray()) {
            problems.add("NetLog events missing.");
        }
        if (!problems.isEmpty()) {
            return new Loaded(dump, truncated, problems, 0, 0);
        }
        Set<Integer> types = values(constants.path("logEventTypes"));
        Set<Integer> sources = values(constants.path("logSourceType"));
        Set<Integer> phases = values(constants.path("logEventPhase"));
        int begin = constants.path("logEventPhase").path("PHASE_BEGIN").asInt(-1);
        int end = constants.path("logEventPhase").path("PHASE_END").asInt(-1);
        Map<Integer, Deque<Integer>> open = new HashMap<>();
        int index = 0;
        for (JsonNode event : dump.path("events")) {
            JsonNode source = event.path("source");
            if (!event.isObject() || !source.isObject() || !event.path("time").isString()
                    || !event.path("type").isInt() || !types.contains(event.path("type").asInt())
                    || !source.path("type").isInt() || !sources.contains(source.path("type").asInt())
                    || !event.path("phase").isInt() || !phases.contains(event.path("phase").asInt())) {
                problems.add("invalid event #" + index + ": " + event);
            } else if (!source.path("id").isInt() || !source.path("start_time").isString()) {
                problems.add("event #" + index + " without a source id and start time: " + event);
            } else {
                Deque<Integer> stack = open.computeIfAbsent(source.path("id").asInt(), id -> new ArrayDeque<>());
                int phase = event.path("phase").asInt();
                if (phase == begin) {
                    stack.push(event.path("type").asInt());
                } else if (phase == end && (stack.isEmpty() || stack.pop() != event.path("type").asInt())) {
                    problems.add("event #" + index + " ends what its source did not begin last: " + event);
                }
            }
            index++;
        }
        int unclosed = open.values().stream().mapToInt(Deque::size).sum();
        return new Loaded(dump, truncated, problems, index, unclosed);
    }

    private static Set<Integer> values(JsonNode map) {
        Set<Integer> out = new HashSet<>();
        map.properties().forEach(entry -> out.add(entry.getValue().asInt()));
        return out;
    }
}
