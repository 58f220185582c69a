package serve

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/didi-index/didi/criteria"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver "sqlite"
)

// migrations are applied in order, each in one transaction, and recorded in
// schema_migrations. Never edit one that shipped: add a new one.
var migrations = []string{
	1: `CREATE TABLE sessions(
		id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, secret TEXT NOT NULL UNIQUE,
		title TEXT NOT NULL, created TEXT NOT NULL);
	CREATE TABLE evaluations(
		id TEXT PRIMARY KEY, answers TEXT NOT NULL, session_id TEXT REFERENCES sessions(id),
		name TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, updated TEXT NOT NULL);
	CREATE INDEX evaluations_session ON evaluations(session_id, created);
	CREATE TABLE scans(
		id TEXT PRIMARY KEY, eval_id TEXT NOT NULL REFERENCES evaluations(id), url TEXT NOT NULL,
		status TEXT NOT NULL, error TEXT NOT NULL DEFAULT '', created TEXT NOT NULL,
		finished TEXT NOT NULL DEFAULT '', result BLOB, input BLOB);
	CREATE INDEX scans_eval ON scans(eval_id, created);`,
}

// Scan statuses.
const (
	statusQueued      = "queued"
	statusRunning     = "running"
	statusDone        = "done"
	statusFailed      = "failed"
	statusInterrupted = "interrupted"
)

// store keeps sessions, evaluations (answers) and scans in SQLite.
type store struct{ db *sql.DB }

// openStore opens (or creates) the database at path (":memory:" for a
// throwaway one), applies the migrations, and marks scans that were queued
// or running when the server stopped as interrupted.
func openStore(path string) (*store, error) {
	dsn := "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)"
	if path == ":memory:" {
		dsn = "file::memory:?_pragma=foreign_keys(1)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer; also keeps a :memory: database alive and whole
	s := &store{db: db}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	if _, err := db.Exec(`UPDATE scans SET status=?, error='server stopped', finished=? WHERE status IN (?,?)`,
		statusInterrupted, now(), statusQueued, statusRunning); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	return s, nil
}

func (s *store) migrate() error {
	if _, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	var have int
	if err := s.db.QueryRow(`SELECT COALESCE(MAX(version),0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if have >= len(migrations) {
		if have > len(migrations)-1 {
			return fmt.Errorf("schema version %d is newer than this didi knows (%d)", have, len(migrations)-1)
		}
	}
	for v := have + 1; v < len(migrations); v++ {
		tx, err := s.db.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v, err)
		}
		if _, err := tx.Exec(`INSERT INTO schema_migrations(version, applied) VALUES(?,?)`, v, now()); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", v, err)
		}
	}
	return nil
}

func (s *store) close() error { return s.db.Close() }

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// errNotFound is returned for an unknown id, code or secret.
var errNotFound = errors.New("not found")

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errNotFound
	}
	return err
}

// session is a class session.
type session struct {
	ID, Code, Secret, Title, Created string
}

func (s *store) createSession(ctx context.Context, title string, limit int) (*session, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions`).Scan(&n); err != nil {
		return nil, err
	}
	if n >= limit {
		return nil, errLimit
	}
	for range 10 {
		ss := &session{ID: randomID(), Code: joinCode(), Secret: randomID() + randomID(), Title: title, Created: now()}
		_, err := s.db.ExecContext(ctx, `INSERT INTO sessions(id,code,secret,title,created) VALUES(?,?,?,?,?)`,
			ss.ID, ss.Code, ss.Secret, ss.Title, ss.Created)
		if err == nil {
			return ss, nil
		}
	}
	return nil, errors.New("could not make a unique session code")
}

func (s *store) sessionBy(ctx context.Context, column, value string) (*session, error) {
	ss := &session{}
	err := s.db.QueryRowContext(ctx, `SELECT id,code,secret,title,created FROM sessions WHERE `+column+`=?`, value).
		Scan(&ss.ID, &ss.Code, &ss.Secret, &ss.Title, &ss.Created)
	return ss, notFound(err)
}

// evaluation is one team's or student's work: answers and scans.
type evaluation struct {
	ID, SessionID, Name, Created, Updated string
	Answers                               *criteria.Answers
}

func (s *store) createEvaluation(ctx context.Context, modelID, sessionID, name string, limit int) (*evaluation, error) {
	e := &evaluation{ID: randomID(), SessionID: sessionID, Name: name, Created: now(),
		Answers: &criteria.Answers{Model: modelID, Answers: map[string]criteria.Answer{}}}
	e.Updated = e.Created
	b, _ := json.Marshal(e.Answers)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var sid any
	if sessionID != "" {
		sid = sessionID
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM evaluations WHERE session_id=?`, sessionID).Scan(&n); err != nil {
			return nil, err
		}
		if n >= limit {
			return nil, errLimit
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO evaluations(id,answers,session_id,name,created,updated) VALUES(?,?,?,?,?,?)`,
		e.ID, string(b), sid, name, e.Created, e.Updated); err != nil {
		return nil, err
	}
	return e, tx.Commit()
}

func scanEvaluation(row interface{ Scan(...any) error }) (*evaluation, error) {
	e := &evaluation{}
	var answers string
	var sid sql.NullString
	if err := row.Scan(&e.ID, &answers, &sid, &e.Name, &e.Created, &e.Updated); err != nil {
		return nil, notFound(err)
	}
	e.SessionID = sid.String
	e.Answers = &criteria.Answers{}
	if err := json.Unmarshal([]byte(answers), e.Answers); err != nil {
		return nil, fmt.Errorf("evaluation %s: answers: %w", e.ID, err)
	}
	if e.Answers.Answers == nil {
		e.Answers.Answers = map[string]criteria.Answer{}
	}
	return e, nil
}

const evalColumns = `id,answers,session_id,name,created,updated`

func (s *store) evaluation(ctx context.Context, id string) (*evaluation, error) {
	return scanEvaluation(s.db.QueryRowContext(ctx, `SELECT `+evalColumns+` FROM evaluations WHERE id=?`, id))
}

func (s *store) sessionEvaluations(ctx context.Context, sessionID string) ([]*evaluation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+evalColumns+` FROM evaluations WHERE session_id=? ORDER BY created`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*evaluation
	for rows.Next() {
		e, err := scanEvaluation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *store) saveAnswers(ctx context.Context, id string, a *criteria.Answers) error {
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `UPDATE evaluations SET answers=?, updated=? WHERE id=?`, string(b), now(), id)
	return err
}

// scanRow is one scan. Result holds result.json as the engine wrote it:
// the team's later answers re-score it (engine.FromResult).
type scanRow struct {
	ID, EvalID, URL, Status, Error, Created, Finished string
	Result                                            []byte
	// HasResult is true when Result is stored (lists leave Result unread:
	// it is large).
	HasResult bool
}

func (s *store) createScan(ctx context.Context, evalID, url string) (*scanRow, error) {
	r := &scanRow{ID: randomID(), EvalID: evalID, URL: url, Status: statusQueued, Created: now()}
	_, err := s.db.ExecContext(ctx, `INSERT INTO scans(id,eval_id,url,status,created) VALUES(?,?,?,?,?)`,
		r.ID, r.EvalID, r.URL, r.Status, r.Created)
	return r, err
}

func (s *store) setScanStatus(id, status, msg string) error {
	_, err := s.db.Exec(`UPDATE scans SET status=?, error=? WHERE id=?`, status, msg, id)
	return err
}

// finishScan records a scan's end. The input column of databases made
// before 2026-12 is left as it is and no longer read.
func (s *store) finishScan(id, status, msg string, res []byte) error {
	_, err := s.db.Exec(`UPDATE scans SET status=?, error=?, finished=?, result=? WHERE id=?`,
		status, msg, now(), res, id)
	return err
}

const (
	scanColumns = `id,eval_id,url,status,error,created,finished,result,result IS NOT NULL`
	listColumns = `id,eval_id,url,status,error,created,finished,NULL,result IS NOT NULL`
)

func scanScan(row interface{ Scan(...any) error }) (*scanRow, error) {
	r := &scanRow{}
	err := row.Scan(&r.ID, &r.EvalID, &r.URL, &r.Status, &r.Error, &r.Created, &r.Finished, &r.Result, &r.HasResult)
	return r, notFound(err)
}

func (s *store) scan(ctx context.Context, id string) (*scanRow, error) {
	return scanScan(s.db.QueryRowContext(ctx, `SELECT `+scanColumns+` FROM scans WHERE id=?`, id))
}

// scans lists an evaluation's scans, newest first, without their result
// (resultOf reads it when it needs it).
func (s *store) scans(ctx context.Context, evalID string) ([]*scanRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+listColumns+` FROM scans WHERE eval_id=? ORDER BY created DESC`, evalID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*scanRow
	for rows.Next() {
		r, err := scanScan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
