package criteria

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

//go:embed model.yaml
var defaultModel []byte

// DefaultModelYAML returns the bytes of the embedded default model.
func DefaultModelYAML() []byte { return defaultModel }

// LoadDefault parses the embedded default model.
func LoadDefault() (*Model, error) { return Parse("model.yaml", defaultModel) }

// LoadModel reads and validates a model file.
func LoadModel(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load model %s: %w", path, err)
	}
	return Parse(path, b)
}

// Parse decodes and validates a model. (Placeholder: strict decoding only;
// full validation with file:line:column is in validate.go.)
func Parse(name string, b []byte) (*Model, error) {
	var m Model
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sum := sha256.Sum256(b)
	m.SHA256 = hex.EncodeToString(sum[:])
	m.Source = name
	return &m, nil
}
