// Reads one feed file with ROME (com.rometools.rome, the Java feed library
// used by e.g. Apache Roller, Jenkins and many Java readers) and prints what
// its normalized SyndFeed holds as JSON for tests/other_readers_check.py.
//
// Runs as a single-file program, no build step; one JSON line per feed (the
// JVM start and compile cost about two seconds, so one run reads them all):
//   java -cp rome.jar:rome-utils.jar:jdom2.jar:slf4j-api.jar:slf4j-nop.jar \
//       RomeDump.java FEED...
//
// SyndEntry.getLinks() keeps hreflang for Atom; an RSS item's atom:link
// elements are not mapped by ROME's RSS converter and stay in the entry's
// foreign markup, which is read here as a ROME application would.

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.File;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;

public class RomeDump {
    static final String ATOM = "http://www.w3.org/2005/Atom";

    public static void main(String[] args) throws Exception {
        for (String path : args) {
            System.out.println(dump(path));
        }
    }

    static String dump(String path) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        // Keep the format's own elements (atom:link in RSS) reachable.
        input.setPreserveWireFeed(true);
        SyndFeed feed = input.build(new File(path));
        StringBuilder out = new StringBuilder("{");
        field(out, "language", str(feed.getLanguage()));
        field(out, "title", str(feed.getTitle()));
        field(out, "link", str(feed.getLink()));
        List<String> feedLinks = links(feed.getLinks());
        feedLinks.addAll(foreignLinks(feed.getForeignMarkup()));
        field(out, "links", array(feedLinks));
        List<String> entries = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            StringBuilder o = new StringBuilder("{");
            field(o, "id", str(e.getUri()));
            field(o, "title", str(e.getTitle()));
            field(o, "link", str(e.getLink()));
            List<String> l = links(e.getLinks());
            l.addAll(foreignLinks(e.getForeignMarkup()));
            field(o, "links", array(l));
            field(o, "published", date(e.getPublishedDate()));
            field(o, "updated", date(e.getUpdatedDate()));
            field(o, "summary", e.getDescription() == null ? "null" : str(e.getDescription().getValue()));
            StringBuilder content = new StringBuilder();
            for (SyndContent c : e.getContents()) {
                content.append(c.getValue() == null ? "" : c.getValue());
            }
            field(o, "content", str(content.toString()));
            List<String> authors = new ArrayList<>();
            for (SyndPerson p : e.getAuthors()) {
                authors.add(str(p.getName()));
            }
            // RSS dc:creator elements are not SyndPersons: ROME puts them
            // in the Dublin Core module (getAuthor() has only the first).
            DCModule dc = (DCModule) e.getModule(DCModule.URI);
            if (authors.isEmpty() && dc != null) {
                for (String name : dc.getCreators()) {
                    authors.add(str(name));
                }
            }
            field(o, "authors", array(authors));
            List<String> cats = new ArrayList<>();
            for (SyndCategory c : e.getCategories()) {
                cats.add(str(c.getName()));
            }
            field(o, "categories", array(cats));
            o.setLength(o.length() - 1);
            entries.add(o.append("}").toString());
        }
        field(out, "entries", array(entries));
        out.setLength(out.length() - 1);
        return out.append("}").toString();
    }

    static List<String> links(List<SyndLink> links) {
        List<String> out = new ArrayList<>();
        for (SyndLink l : links) {
            out.add(link(l.getHref(), l.getRel(), l.getHreflang(), l.getType()));
        }
        return out;
    }

    static List<String> foreignLinks(List<Element> markup) {
        List<String> out = new ArrayList<>();
        for (Element el : markup) {
            if (el.getName().equals("link") && ATOM.equals(el.getNamespaceURI())) {
                out.add(link(el.getAttributeValue("href"), el.getAttributeValue("rel"),
                        el.getAttributeValue("hreflang"), el.getAttributeValue("type")));
            }
        }
        return out;
    }

    static String link(String href, String rel, String hreflang, String type) {
        return "{\"href\":" + str(href) + ",\"rel\":" + str(rel) + ",\"hreflang\":" + str(hreflang)
                + ",\"type\":" + str(type) + "}";
    }

    static String date(Date d) {
        return d == null ? "null" : Long.toString(d.getTime() / 1000);
    }

    static void field(StringBuilder out, String name, String json) {
        out.append(str(name)).append(':').append(json).append(',');
    }

    static String array(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
