package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"

	gossh "golang.org/x/crypto/ssh"
)

// HostKey returns the server's ed25519 host key kept at path. When there is
// no file yet it creates one (mode 0600, never replacing a file) and reports
// created. A key file others can read is refused, as sshd does.
func HostKey(path string) (key gossh.Signer, created bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		key, err = createHostKey(path)
		return key, err == nil, err
	}
	if err != nil {
		return nil, false, errorf(path, 0, "host_key_failed", path, err.Error())
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, false, errorf(path, 0, "host_key_failed", path, err.Error())
	}
	if mode := st.Mode().Perm(); mode&0o077 != 0 {
		return nil, false, errorf(path, 0, "host_key_mode", path, mode, path)
	}
	key, err = gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, false, errorf(path, 0, "host_key_bad", path, err.Error())
	}
	if t := key.PublicKey().Type(); t != gossh.KeyAlgoED25519 {
		return nil, false, errorf(path, 0, "host_key_bad", path, t)
	}
	return key, false, nil
}

// createHostKey writes a new ed25519 key to path in OpenSSH's format.
func createHostKey(path string) (gossh.Signer, error) {
	fail := func(err error) (gossh.Signer, error) {
		return nil, errorf(path, 0, "host_key_failed", path, err.Error())
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fail(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "tom serve")
	if err != nil {
		return fail(err)
	}
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fail(err)
	}
	_, err = fh.Write(pem.EncodeToMemory(block))
	if err == nil {
		err = fh.Sync()
	}
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fail(err)
	}
	return gossh.NewSignerFromKey(priv)
}

// Fingerprint returns the SHA256 fingerprint of key as OpenSSH prints it
// ("SHA256:…").
func Fingerprint(key gossh.PublicKey) string { return gossh.FingerprintSHA256(key) }
