<?php
// Reads one feed file with SimplePie (the PHP feed library behind
// WordPress, FreshRSS and Tiny Tiny RSS in their time) and prints what it
// read as JSON for tests/other_readers_check.py.
//
// The bytes go in through set_raw_data, as if fetched: no network, no
// cache. SimplePie sanitizes HTML by default, as applications see it;
// the check compares text, not markup, for that reason.
//
// usage: php simplepie_dump.php FEED

// Debian's libphp-simplepie is older than PHP 8: keep its deprecation
// notices quiet and anything else on stderr: stdout must stay pure JSON.
error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
ini_set('display_errors', 'stderr');

require '/usr/share/php/simplepie/autoloader.php';

// Debian bookworm's SimplePie 1.3.1 predates PHP 8: its date parser's
// constructor calls implode() with the arguments in the order PHP 8
// removed, so every get_date() dies with a TypeError
// (SimplePie/Parse/Date.php line 544; fixed upstream in later releases).
// A subclass with the PHP 8 fixes, registered in SimplePie's class
// registry in place of the original; the parsing rules are unchanged.
class Php8ParseDate extends SimplePie_Parse_Date
{
    public function __construct()
    {
        $this->day_pcre = '(' . implode('|', array_keys($this->day)) . ')';
        $this->month_pcre = '(' . implode('|', array_keys($this->month)) . ')';
        foreach (get_class_methods($this) as $method) {
            if (strtolower(substr($method, 0, 5)) === 'date_') {
                $this->built_in[] = $method;
            }
        }
    }

    // The W3C-DTF parser divides an empty "decimal fraction" match by an
    // int, a TypeError in PHP 8 for every date without fractional
    // seconds (line 693). The same parse, with the empty fraction as 0.
    public function date_w3cdtf($date)
    {
        $pcre = '/^([0-9]{4})(?:-?([0-9]{2})(?:-?([0-9]{2})(?:[Tt\x09\x20]+([0-9]{2})(?::?([0-9]{2})'
            . '(?::?([0-9]{2})(?:.([0-9]*))?)?)?(?:(Z)|([+\-])([0-9]{1,2}):?([0-9]{1,2}))?)?)?)?$/';
        if (!preg_match($pcre, $date, $match)) {
            return false;
        }
        $match = array_pad($match, 12, '');
        foreach (array(2, 3) as $i) {
            $match[$i] = $match[$i] === '' ? '1' : $match[$i];
        }
        foreach (array(4, 5, 6) as $i) {
            $match[$i] = (int) $match[$i];
        }
        $timezone = 0;
        if ($match[9] !== '') {
            $timezone = (int) $match[10] * 3600 + (int) $match[11] * 60;
            if ($match[9] === '-') {
                $timezone = -$timezone;
            }
        }
        $fraction = $match[7] === '' ? 0 : $match[7] / pow(10, strlen($match[7]));
        $second = round($match[6] + $fraction);
        return gmmktime($match[4], $match[5], $second, (int) $match[2], (int) $match[3], (int) $match[1]) - $timezone;
    }

    public static function get()
    {
        static $object;
        if (!$object) {
            $object = new Php8ParseDate();
        }
        return $object;
    }
}

// The link elements with their attributes: get_links($rel) gives bare
// URLs, so hreflang is only reachable through the raw tags.
function atom_links($tags)
{
    $out = array();
    foreach ((array) $tags as $tag) {
        $a = isset($tag['attribs']['']) ? $tag['attribs'][''] : array();
        $out[] = array(
            'href' => isset($a['href']) ? $a['href'] : '',
            'rel' => isset($a['rel']) ? $a['rel'] : '',
            'hreflang' => isset($a['hreflang']) ? $a['hreflang'] : '',
            'type' => isset($a['type']) ? $a['type'] : '',
        );
    }
    return $out;
}

$feed = new SimplePie();
$feed->registry->register('Parse_Date', 'Php8ParseDate');
$feed->set_raw_data(file_get_contents($argv[1]));
$feed->enable_cache(false);
$feed->enable_order_by_date(false);
if (!$feed->init() || $feed->error()) {
    fwrite(STDERR, "simplepie: " . $feed->error() . "\n");
    exit(1);
}

$entries = array();
foreach ($feed->get_items() as $item) {
    $authors = array();
    foreach ((array) $item->get_authors() as $a) {
        $authors[] = $a->get_name();
    }
    $categories = array();
    foreach ((array) $item->get_categories() as $c) {
        $categories[] = $c->get_term();
    }
    // Entry-level atom:link (Atom entry or RSS item).
    $raw_links = atom_links($item->get_item_tags(SIMPLEPIE_NAMESPACE_ATOM_10, 'link'));
    $published = $item->get_date('U');
    $updated = method_exists($item, 'get_updated_date') ? $item->get_updated_date('U') : null;
    $entries[] = array(
        'id' => $item->get_id(),
        'title' => $item->get_title(),
        'link' => $item->get_permalink(),
        'alternates' => $item->get_links('alternate'),
        'links' => $raw_links,
        'published' => $published === null ? null : (int) $published,
        'updated' => $updated === null ? null : (int) $updated,
        'summary' => $item->get_description(true),
        'content' => $item->get_content(true),
        'authors' => $authors,
        'categories' => $categories,
    );
}

$feed_links = atom_links($feed->get_channel_tags(SIMPLEPIE_NAMESPACE_ATOM_10, 'link'));

echo json_encode(array(
    'language' => $feed->get_language(),
    'title' => $feed->get_title(),
    'link' => $feed->get_permalink(),
    'alternates' => $feed->get_links('alternate'),
    'links' => $feed_links,
    'entries' => $entries,
), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT), "\n";
