package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/didi-index/didi/result"
)

// TestPageErrorsInTheReportLanguage: a page error with a code is written in
// the report's language with its parameters; without a known code the
// English error is kept.
func TestPageErrorsInTheReportLanguage(t *testing.T) {
	outside := result.Page{URL: "https://example.be/a", Error: "redirects outside the scanned site to https://other.example/",
		ErrorCode: "redirect_outside", ErrorParams: map[string]string{"url": "https://other.example/"}}
	timeout := result.Page{URL: "https://example.be/b", Error: "timed out after 30s in the browser",
		ErrorCode: "browser_timeout", ErrorParams: map[string]string{"after": "30s"}}
	deep := result.Page{URL: "https://example.be/d", Error: "elements nested more than 512 deep: the HTML cannot be read",
		ErrorCode: "too_deep", ErrorParams: map[string]string{"max": "512"}}
	old := result.Page{URL: "https://example.be/c", Error: "HTTP 404 Not Found"}
	for _, c := range []struct {
		page result.Page
		lang string
		want string
	}{
		{outside, "nl", "stuurt door naar https://other.example/, buiten de gescande site"},
		{outside, "fr", "redirige vers https://other.example/, en dehors du site analysé"},
		{outside, "en", "redirects to https://other.example/, outside the scanned site"},
		{timeout, "nl", "de pagina laadde niet binnen 30s in de browser"},
		{timeout, "fr", "la page ne s'est pas chargée en 30s dans le navigateur"},
		{deep, "nl", "de elementen van de pagina zitten meer dan 512 lagen diep in elkaar: didi kan de pagina niet lezen"},
		{deep, "fr", "les éléments de la page sont imbriqués sur plus de 512 niveaux : didi ne peut pas lire la page"},
		{deep, "en", "the page's elements are nested more than 512 levels deep: didi cannot read the page"},
		{old, "fr", "HTTP 404 Not Found"},
	} {
		assert.Equal(t, c.want, PageError(c.lang, c.page), "%s in %s", c.page.ErrorCode, c.lang)
	}
	for key := range chrome {
		if len(key) > len("page_error_") && key[:len("page_error_")] == "page_error_" {
			for _, l := range []string{"nl", "fr", "en"} {
				assert.NotEmpty(t, chrome[key][l], "%s has no %s text", key, l)
			}
		}
	}
	r := &result.Result{Pages: []result.Page{outside}}
	assert.Equal(t, "Erreur\u00a0: redirige vers https://other.example/, en dehors du site analysé", pages(r, "fr")[0].Error)
}
