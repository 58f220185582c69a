//go:build ignore

// generate writes the 50-page test site used by the crawler's tests and
// benchmarks: run `go run generate.go` in testdata/site50. Pages have a
// header with navigation and a search form, breadcrumbs, text, images,
// forms and links between them; every page is reachable from / within
// three links.
package main

import (
	"fmt"
	"html"
	"log"
	"os"
	"path/filepath"
	"strings"
)

type page struct {
	path, title, section string
	body                 string
}

var sections = []struct{ slug, title string }{
	{"news", "News"}, {"services", "Services"}, {"help", "Help"}, {"about", "About us"},
}

var words = strings.Fields(`apply for a permit online or at the desk in the town hall and bring your identity card
the service is free for people over sixty five and for families with a low income you can ask a neighbour
or a social worker to help you fill in the form we answer every question within five working days by phone
or by mail our offices are open on weekdays from nine to five and on saturday morning you do not need an app`)

func para(seed, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		w := words[(seed*7+i*13)%len(words)]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
		if i < n-1 {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('.')
	return b.String()
}

func main() {
	var pages []page
	pages = append(pages, page{path: "index.html", title: "Welcome to Testville", body: homeBody()})
	perSection := []int{14, 14, 10, 7} // 4 section indexes + 45 items + home = 50
	for si, s := range sections {
		var list strings.Builder
		list.WriteString("<ul class=\"list\">\n")
		for i := 1; i <= perSection[si]; i++ {
			fmt.Fprintf(&list, "  <li><a href=\"%s-%d.html\">%s %d</a></li>\n", s.slug, i, s.title, i)
		}
		list.WriteString("</ul>\n")
		pages = append(pages, page{path: s.slug + "/index.html", title: s.title, section: s.slug,
			body: fmt.Sprintf("<h1>%s</h1>\n<p>%s</p>\n%s", s.title, para(si, 30), list.String())})
		for i := 1; i <= perSection[si]; i++ {
			pages = append(pages, page{path: fmt.Sprintf("%s/%s-%d.html", s.slug, s.slug, i),
				title: fmt.Sprintf("%s %d", s.title, i), section: s.slug, body: itemBody(s.slug, s.title, i, perSection[si])})
		}
	}
	if len(pages) != 50 {
		log.Fatalf("made %d pages, want 50", len(pages))
	}
	for _, p := range pages {
		if err := os.MkdirAll(filepath.Dir(p.path), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(p.path, []byte(layout(p)), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if err := os.WriteFile("style.css", []byte(css), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("logo.svg", []byte(logo), 0o644); err != nil {
		log.Fatal(err)
	}
}

func homeBody() string {
	var b strings.Builder
	b.WriteString("<h1>Welcome to Testville</h1>\n")
	fmt.Fprintf(&b, "<p>%s</p>\n<p>%s</p>\n", para(1, 40), para(2, 35))
	b.WriteString("<div class=\"cards\">\n")
	for _, s := range sections {
		fmt.Fprintf(&b, "  <a class=\"card\" href=\"/%s/\"><img src=\"/logo.svg\" alt=\"\" width=\"48\" height=\"48\"> %s</a>\n", s.slug, s.title)
	}
	b.WriteString("</div>\n")
	return b.String()
}

func itemBody(slug, title string, i, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<h1>%s %d</h1>\n", title, i)
	for k := 0; k < 4; k++ {
		fmt.Fprintf(&b, "<h2>Part %d</h2>\n<p>%s</p>\n", k+1, para(i*5+k, 25+k*5))
	}
	if i%3 == 0 {
		fmt.Fprintf(&b, "<figure><img src=\"/logo.svg\" alt=\"Testville logo\" width=\"120\" height=\"120\"><figcaption>%s</figcaption></figure>\n", para(i, 6))
	}
	if i%4 == 0 {
		b.WriteString(`<form class="contact" action="/thanks" method="post">
  <label for="name">Your name</label> <input id="name" name="name" autocomplete="name">
  <label for="mail">Email</label> <input id="mail" name="mail" type="email" autocomplete="email">
  <label for="msg">Message</label> <textarea id="msg" name="msg"></textarea>
  <button type="submit">Send</button>
</form>
`)
	}
	b.WriteString("<p class=\"pager\">")
	if i > 1 {
		fmt.Fprintf(&b, "<a href=\"%s-%d.html\" rel=\"prev\">Previous</a> ", slug, i-1)
	}
	if i < n {
		fmt.Fprintf(&b, "<a href=\"%s-%d.html\" rel=\"next\">Next</a>", slug, i+1)
	}
	b.WriteString("</p>\n")
	return b.String()
}

func layout(p page) string {
	var nav strings.Builder
	for _, s := range sections {
		cur := ""
		if s.slug == p.section {
			cur = ` aria-current="page"`
		}
		fmt.Fprintf(&nav, "<li><a href=\"/%s/\"%s>%s</a></li>", s.slug, cur, s.title)
	}
	crumb := "<a href=\"/\">Home</a>"
	if p.section != "" {
		crumb += fmt.Sprintf(" › <a href=\"/%s/\">%s</a>", p.section, strings.ToUpper(p.section[:1])+p.section[1:])
	}
	return fmt.Sprintf(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s – Testville</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
  <a href="/" class="brand"><img src="/logo.svg" alt="Testville" width="40" height="40"></a>
  <nav aria-label="Main"><ul>%s</ul></nav>
  <form role="search" action="/search"><label for="q">Search</label> <input id="q" name="q" type="search"> <button>Search</button></form>
</header>
<p class="crumbs">%s</p>
<main id="main">
%s</main>
<footer>
  <p><a href="/about/about-1.html">Contact</a> · <a href="/help/help-1.html">Accessibility</a> · <a href="/about/about-2.html">Privacy</a></p>
  <p>Testville town hall, Market square 1, 9999 Testville · Phone <a href="tel:+3200000000">000 00 00 00</a></p>
</footer>
</body>
</html>
`, html.EscapeString(p.title), nav.String(), crumb, p.body)
}

const css = `body { font: 1rem/1.5 sans-serif; margin: 0; color: #222; background: #fff; }
header { display: flex; gap: 1rem; align-items: center; padding: .5rem 1rem; background: #0b3d6e; color: #fff; }
header a { color: #fff; }
nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
main { max-width: 48rem; padding: 1rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #ff0; color: #000; }
.crumbs { padding: 0 1rem; font-size: .875rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 1rem; }
.card { display: block; padding: 1rem; border: 1px solid #888; border-radius: 4px; }
footer { padding: 1rem; background: #eee; font-size: .875rem; }
input, textarea { border: 1px solid #767676; }
a:focus-visible { outline: 3px solid #f90; }
`

const logo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="22" fill="#0b3d6e"/><path d="M14 24h20M24 14v20" stroke="#fff" stroke-width="4"/></svg>
`
