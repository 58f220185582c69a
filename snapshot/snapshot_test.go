package snapshot

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOldSnapshotColoursLoad loads a snapshot saved before Colour had JSON
// tags (keys "R", "G", "B", "A"): encoding/json matches keys without regard
// to case, so it still loads, and saving it again writes the new keys.
func TestOldSnapshotColoursLoad(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	body := `[{"url": "https://example.be/", "browser": {"texts": [{"selector": "#t", "fg": {"R": 10, "G": 20, "B": 30, "A": 0.5}, "bg": {"R": 255, "G": 255, "B": 255, "A": 1}}], "reflow": {"viewport_width": 0, "scroll_width": 0, "overflows": false}, "timing": {}}}]`
	if err := os.WriteFile(old, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	snaps, err := Load(old)
	if err != nil {
		t.Fatal(err)
	}
	want := []Colour{{R: 10, G: 20, B: 30, A: 0.5}, {R: 255, G: 255, B: 255, A: 1}}
	got := []Colour{snaps[0].Browser.Texts[0].Foreground, snaps[0].Browser.Texts[0].Background}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("colour %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	again := filepath.Join(dir, "new.json")
	if err := Save(again, snaps); err != nil {
		t.Fatal(err)
	}
	back, err := Load(again)
	if err != nil {
		t.Fatal(err)
	}
	if c := back[0].Browser.Texts[0].Foreground; c != want[0] {
		t.Errorf("after a round trip: %+v, want %+v", c, want[0])
	}
}

// TestInputListenersRoundTrip: a snapshot without input_listeners (saved
// before 2026-12) loads with none; one with them keeps them through a save.
func TestInputListenersRoundTrip(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	if err := os.WriteFile(old, []byte(`[{"url": "https://example.be/", "browser": {"reflow": {}, "timing": {}}}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	snaps, err := Load(old)
	if err != nil {
		t.Fatal(err)
	}
	if b := snaps[0].Browser; b.InputListeners != nil || b.InputListenersCapped {
		t.Errorf("an old snapshot has listeners %+v, capped %t", b.InputListeners, b.InputListenersCapped)
	}
	want := []InputListener{{Selector: "#s", Event: "change", Source: "function () { location.href = '/'; }"}}
	snaps[0].Browser.InputListeners, snaps[0].Browser.InputListenersCapped = want, true
	again := filepath.Join(dir, "new.json")
	if err := Save(again, snaps); err != nil {
		t.Fatal(err)
	}
	back, err := Load(again)
	if err != nil {
		t.Fatal(err)
	}
	if b := back[0].Browser; len(b.InputListeners) != 1 || b.InputListeners[0] != want[0] || !b.InputListenersCapped {
		t.Errorf("after a round trip: %+v, capped %t", b.InputListeners, b.InputListenersCapped)
	}
}
