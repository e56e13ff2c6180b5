package worksheet

// What the build keeps of a field for iptsite check (render.Facts).

// KeyLine returns the file line of key in the field's block, or the field's own line
// when the author did not write the key. iptsite check points its findings about a
// label at the line of label:.
func (f *Field) KeyLine(key string) int { return f.keyLine(key) }

// Columns returns the columns of a table field, nil for a field of another type.
func (f *Field) Columns() []*Field { return keysOf[tableKeys](f).Columns }
