package criteria

import (
	"github.com/didi-index/didi/diag"
	"github.com/didi-index/didi/i18n"
)

// Text is a user-facing text in every language of the model.
type Text = i18n.Text

// Error is one problem in a model or answers file, at a position.
type Error = diag.Error

// Errors is every problem found in a file, sorted by position.
type Errors = diag.Errors
