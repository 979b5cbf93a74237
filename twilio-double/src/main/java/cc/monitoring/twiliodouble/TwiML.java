package cc.monitoring.twiliodouble;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TwiML the double understands: {@code <Response>} with {@code <Dial><Conference …>name</Conference></Dial>},
 * {@code <Hangup/>}, {@code <Reject/>}, and verbs that only play something ({@code <Say>}, {@code <Play>},
 * {@code <Pause>}), which it skips.
 */
final class TwiML {

    /** One verb: its name, attributes, text, and for {@code <Dial>} its nouns. */
    record Verb(String name, Map<String, String> attributes, String text, List<Verb> nouns) {

        String attribute(String name, String fallback) {
            String value = attributes.get(name);
            return value == null || value.isEmpty() ? fallback : value;
        }
    }

    /** TwiML that is not a well-formed {@code <Response>} document (Twilio's error 12100). */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private TwiML() {
    }

    static List<Verb> parse(String twiml) throws Invalid {
        if (twiml == null || twiml.isBlank()) {
            throw new Invalid("empty document");
        }
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            root = builder.parse(new InputSource(new StringReader(twiml.strip()))).getDocumentElement();
        } catch (Exception e) {
            throw new Invalid("not XML: " + e.getMessage());
        }
        if (!"Response".equals(root.getTagName())) {
            throw new Invalid("the root element is <" + root.getTagName() + ">, not <Response>");
        }
        return children(root);
    }

    private static List<Verb> children(Element parent) {
        List<Verb> verbs = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element) {
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int a = 0; a < element.getAttributes().getLength(); a++) {
                    Node attribute = element.getAttributes().item(a);
                    attributes.put(attribute.getNodeName(), attribute.getNodeValue());
                }
                verbs.add(new Verb(element.getTagName(), attributes, element.getTextContent().strip(),
                        children(element)));
            }
        }
        return verbs;
    }
}
