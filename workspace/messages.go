package workspace

import "github.com/tom-dsgvo/tom/model"

// Msg holds the strings of the workspace package.
var Msg = model.Messages{
	"unreadable":      {De: "kann nicht gelesen werden: %v", En: "cannot be read: %v"},
	"unknown_key":     {De: "unbekannter Schlüssel %q", En: "unknown key %q"},
	"syntax":          {De: "kein gültiges TOML: %s", En: "not valid TOML: %s"},
	"bad_language":    {De: "%s: %q ist keine Sprache von tom (de oder en)", En: "%s: %q is not one of tom's languages (de or en)"},
	"bad_interval":    {De: "%s: %d ist kein Intervall von 1 bis 120 Monaten", En: "%s: %d is not an interval of 1 to 120 months"},
	"bad_accent":      {De: "%s: %q ist keine Farbe der Form #rrggbb", En: "%s: %q is not a colour of the form #rrggbb"},
	"logo_unreadable": {De: "Logo kann nicht gelesen werden: %v", En: "logo cannot be read: %v"},
	"logo_too_large":  {De: "Logo ist %d Bytes groß; erlaubt sind höchstens %d", En: "logo is %d bytes; at most %d are allowed"},
	"logo_format":     {De: "Logo ist kein PNG- oder JPEG-Bild", En: "logo is not a PNG or JPEG image"},
	"logo_pixels":     {De: "Logo ist %d×%d Pixel groß; erlaubt sind höchstens %d in jeder Richtung", En: "logo is %d×%d pixels; at most %d either way are allowed"},
}
