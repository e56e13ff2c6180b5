package compiled

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"text/template/parse"
)

// Execute runs t with data, writing to w. After an error, what it wrote is to be thrown
// away and the page made with html/template, which gives the error its position and
// wording, or prints the page where Execute declined to.
func (t *Template) Execute(w *bytes.Buffer, data any) (err error) {
	value, ok := data.(reflect.Value)
	if !ok {
		value = reflect.ValueOf(data)
	}
	s := &state{w: w, vars: make([]variable, 1, 8)}
	s.vars[0] = variable{"$", value}
	defer func() {
		// A method or function that panics stops the page, as in text/template.
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: panic: %v", t.name, r)
		}
	}()
	if err := t.root.run(s, value); err != nil {
		if err == errBreak || err == errContinue {
			return fmt.Errorf("%s: break or continue outside range", t.name)
		}
		return err
	}
	return nil
}

// maxDepth bounds templates calling templates; text/template stops at 100000, and a page
// that goes deeper than this is made by it.
const maxDepth = 10000

type state struct {
	w     *bytes.Buffer
	vars  []variable
	depth int
}

type variable struct {
	name  string
	value reflect.Value
}

var (
	errBreak    = errors.New("break")
	errContinue = errors.New("continue")
	errDecline  = errors.New("not done here")
)

func (s *state) varValue(name string) (reflect.Value, error) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value, nil
		}
	}
	return reflect.Value{}, fmt.Errorf("undefined variable: %s", name)
}

func (s *state) setVar(name string, v reflect.Value) error {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return nil
		}
	}
	return fmt.Errorf("undefined variable: %s", name)
}

func (l list) run(s *state, dot reflect.Value) error {
	for _, n := range l {
		if err := n.run(s, dot); err != nil {
			return err
		}
	}
	return nil
}

func (t text) run(s *state, _ reflect.Value) error {
	s.w.Write(t)
	return nil
}

func (a *action) run(s *state, dot reflect.Value) error {
	// Variables an action declares stay until the end of what holds it.
	v, err := a.p.eval(s, dot)
	if err != nil {
		return err
	}
	if len(a.p.decl) > 0 {
		return nil
	}
	if a.p.esc != nil {
		return a.p.esc.write(s.w, v)
	}
	return printValue(s.w, v)
}

func (b *branch) run(s *state, dot reflect.Value) error {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	v, err := b.p.eval(s, dot)
	if err != nil {
		return err
	}
	truth, ok := isTrue(indirectInterface(v))
	if !ok {
		return fmt.Errorf("if/with can't use %v", v)
	}
	switch {
	case truth && b.with:
		return b.list.run(s, v)
	case truth:
		return b.list.run(s, dot)
	case b.hasElse:
		return b.elseList.run(s, dot)
	}
	return nil
}

func (r *rangeLoop) run(s *state, dot reflect.Value) error {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	v, err := r.p.eval(s, dot)
	if err != nil {
		return err
	}
	val, _ := indirect(v)
	body := len(s.vars) // the range's own variables are below
	decl := r.p.decl
	one := func(index, elem reflect.Value) error {
		if len(decl) > 0 {
			if r.p.assign {
				// With two variables, index comes first; with one, the element.
				if len(decl) > 1 {
					if err := s.setVar(decl[0], index); err != nil {
						return err
					}
				} else if err := s.setVar(decl[0], elem); err != nil {
					return err
				}
			} else {
				s.vars[len(s.vars)-1].value = elem
			}
		}
		if len(decl) > 1 {
			if r.p.assign {
				if err := s.setVar(decl[1], elem); err != nil {
					return err
				}
			} else {
				s.vars[len(s.vars)-2].value = index
			}
		}
		err := r.list.run(s, elem)
		s.vars = s.vars[:body]
		if err == errContinue {
			err = nil
		}
		return err
	}
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		n := val.Len()
		if n == 0 {
			break
		}
		for i := 0; i < n; i++ {
			if err := one(reflect.ValueOf(i), val.Index(i)); err != nil {
				return ended(err)
			}
		}
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if len(decl) > 1 {
			return fmt.Errorf("can't use %v to iterate over more than one variable", val)
		}
		n := val.Int()
		if n <= 0 {
			break
		}
		for i := int64(0); i < n; i++ {
			if err := one(reflect.Value{}, reflect.ValueOf(i).Convert(val.Type())); err != nil {
				return ended(err)
			}
		}
		return nil
	case reflect.Invalid:
		// Like an empty map.
	default:
		// Maps (in fmtsort's order), channels, functions: html/template makes the page.
		return errDecline
	}
	if r.hasElse {
		return r.elseList.run(s, dot)
	}
	return nil
}

// ended is what a range returns when an iteration stopped it with err: nothing for a
// break.
func ended(err error) error {
	if err == errBreak {
		return nil
	}
	return err
}

func (t *templateCall) run(s *state, dot reflect.Value) error {
	if s.depth >= maxDepth {
		return errDecline
	}
	if t.p != nil {
		var err error
		if dot, err = t.p.eval(s, dot); err != nil {
			return err
		}
	} else {
		dot = reflect.Value{}
	}
	// No dynamic scoping: the template called sees only $, its dot.
	vars := s.vars
	s.vars = make([]variable, 1, 4)
	s.vars[0] = variable{"$", dot}
	s.depth++
	err := t.t.root.run(s, dot)
	s.depth--
	s.vars = vars
	if err == errBreak || err == errContinue {
		return fmt.Errorf("%s: break or continue outside range", t.t.name)
	}
	return err
}

func (breakNode) run(*state, reflect.Value) error    { return errBreak }
func (continueNode) run(*state, reflect.Value) error { return errContinue }

// eval returns the value of a pipeline, and declares or sets its variables.
func (p *pipe) eval(s *state, dot reflect.Value) (reflect.Value, error) {
	if p == nil {
		return reflect.Value{}, nil
	}
	var (
		value reflect.Value
		final bool
		err   error
	)
	for _, c := range p.cmds {
		value, err = c.eval(s, dot, value, final)
		if err != nil {
			return reflect.Value{}, err
		}
		final = true
		// If the value has type interface{}, dig down to the thing inside.
		if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
			value = value.Elem()
		}
	}
	for _, name := range p.decl {
		if p.assign {
			if err := s.setVar(name, value); err != nil {
				return reflect.Value{}, err
			}
		} else {
			s.vars = append(s.vars, variable{name, value})
		}
	}
	return value, nil
}

// eval returns the value of a command; with hasFinal, final is the value of the
// pipeline before it, given as its last argument.
func (c *command) eval(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	switch c.kind {
	case cmdField:
		return c.chain(s, dot, dot, final, hasFinal)
	case cmdVariable:
		v, err := s.varValue(c.varName)
		if err != nil || c.fields == nil {
			if err == nil && hasFinal {
				return reflect.Value{}, fmt.Errorf("can't give argument to non-function %s", c.varName)
			}
			return v, err
		}
		return c.chain(s, dot, v, final, hasFinal)
	case cmdFunction:
		if c.builtin != nil {
			return c.builtin(s, dot, c.args, final, hasFinal)
		}
		return s.call(dot, c.fn, c.name, c.args, final, hasFinal)
	case cmdPipe:
		if hasFinal {
			return reflect.Value{}, errors.New("can't give argument to non-function")
		}
		return c.sub.eval(s, dot)
	}
	if hasFinal {
		return reflect.Value{}, errors.New("can't give argument to non-function")
	}
	return c.args[0].literal(dot)
}

// chain evaluates .X.Y.Z on receiver; the last name gets the arguments.
func (c *command) chain(s *state, dot, receiver, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	var err error
	n := len(c.fields)
	for _, f := range c.fields[:n-1] {
		if receiver, err = s.field(dot, f, nil, reflect.Value{}, false, receiver); err != nil {
			return reflect.Value{}, err
		}
	}
	return s.field(dot, c.fields[n-1], c.args, final, hasFinal, receiver)
}

// field evaluates .Name on receiver as text/template's evalField does: a method of the
// value or of a pointer to it, else a field of a struct, else a key of a map.
func (s *state) field(dot reflect.Value, f *field, args []*arg, final reflect.Value, hasFinal bool, receiver reflect.Value) (reflect.Value, error) {
	if !receiver.IsValid() {
		return reflect.Value{}, nil // missingkey=default: a missing key's invalid value
	}
	receiver, isNil := indirect(receiver)
	if isNil {
		// A method of a nil pointer, or "nil pointer evaluating": html/template.
		return reflect.Value{}, errDecline
	}
	ptr := receiver
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	l := f.last.Load()
	if l == nil || l.typ != ptr.Type() {
		l = find(ptr.Type(), receiver.Type(), f.name)
		f.last.Store(l)
	}
	hasArgs := len(args) > 0 || hasFinal
	switch {
	case l.err != "":
		return reflect.Value{}, errors.New(l.err)
	case l.method >= 0:
		return s.call(dot, ptr.Method(l.method), f.name, args, final, hasFinal)
	case l.key:
		if hasArgs {
			return reflect.Value{}, fmt.Errorf("%s is not a method but has arguments", f.name)
		}
		return receiver.MapIndex(reflect.ValueOf(f.name)), nil
	}
	if hasArgs {
		return reflect.Value{}, fmt.Errorf("%s has arguments but cannot be invoked as function", f.name)
	}
	return receiver.FieldByIndexErr(l.index)
}

// found keeps what find found, for every template and compile: a site's templates look
// up the same few names on the same few types in many places.
var found sync.Map // findKey -> *lookup

type findKey struct {
	ptr  reflect.Type
	name string
}

// find looks name up on a receiver of type ptr (typ once indirected).
func find(ptr, typ reflect.Type, name string) *lookup {
	k := findKey{ptr, name}
	if l, ok := found.Load(k); ok {
		return l.(*lookup)
	}
	l := lookUp(ptr, typ, name)
	found.Store(k, l)
	return l
}

func lookUp(ptr, typ reflect.Type, name string) *lookup {
	l := &lookup{typ: ptr, method: -1}
	if m, ok := ptr.MethodByName(name); ok {
		l.method = m.Index
		return l
	}
	switch typ.Kind() {
	case reflect.Struct:
		if sf, ok := typ.FieldByName(name); ok {
			if !sf.IsExported() {
				l.err = fmt.Sprintf("%s is an unexported field of struct type %s", name, typ)
			}
			l.index = sf.Index
			return l
		}
	case reflect.Map:
		if reflect.TypeFor[string]().AssignableTo(typ.Key()) {
			l.key = true
			return l
		}
	}
	l.err = fmt.Sprintf("can't evaluate field %s in type %s", name, typ)
	return l
}

// call calls fn, a function of the set or a method, as text/template's evalCall does.
func (s *state) call(dot, fn reflect.Value, name string, args []*arg, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	typ := fn.Type()
	numIn := len(args)
	if hasFinal {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			return reflect.Value{}, fmt.Errorf("wrong number of args for %s", name)
		}
	} else if numIn != typ.NumIn() {
		return reflect.Value{}, fmt.Errorf("wrong number of args for %s", name)
	}
	switch out := typ.NumOut(); {
	case out == 1, out == 2 && typ.Out(1) == errorType:
	default:
		return reflect.Value{}, fmt.Errorf("invalid function signature for %s", name)
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	var err error
	for ; i < numFixed && i < len(args); i++ {
		if argv[i], err = args[i].eval(s, dot, typ.In(i)); err != nil {
			return reflect.Value{}, err
		}
	}
	if typ.IsVariadic() {
		elem := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			if argv[i], err = args[i].eval(s, dot, elem); err != nil {
				return reflect.Value{}, err
			}
		}
	}
	if hasFinal {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		if argv[i], err = validateType(final, t); err != nil {
			return reflect.Value{}, err
		}
	}
	ret := fn.Call(argv) // a panic is recovered by Execute
	if len(ret) == 2 && !ret[1].IsNil() {
		return reflect.Value{}, fmt.Errorf("error calling %s: %w", name, ret[1].Interface().(error))
	}
	v := ret[0]
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v, nil
}

// eval returns the argument's value as a value of type typ (nil: as it is).
func (a *arg) eval(s *state, dot reflect.Value, typ reflect.Type) (reflect.Value, error) {
	if a.cmd != nil {
		v, err := a.cmd.eval(s, dot, reflect.Value{}, false)
		if err != nil {
			return v, err
		}
		return validateType(v, typ)
	}
	switch a.node.(type) {
	case *parse.DotNode:
		return validateType(dot, typ)
	case *parse.NilNode:
		if typ != nil && canBeNil(typ) {
			return reflect.Zero(typ), nil
		}
		return reflect.Value{}, fmt.Errorf("cannot assign nil to %s", typ)
	}
	// A literal: as it is for an interface{} (and, wrapped, for the builtins' reflect.Value),
	// else made a value of typ.
	if typ == nil || isEmptyInterface(typ) || typ == reflectValueType {
		v, err := a.literal(dot)
		if err == nil && typ == reflectValueType {
			v = reflect.ValueOf(v)
		}
		return v, err
	}
	v := reflect.New(typ).Elem()
	switch n := a.node.(type) {
	case *parse.BoolNode:
		if typ.Kind() == reflect.Bool {
			v.SetBool(n.True)
			return v, nil
		}
	case *parse.StringNode:
		if typ.Kind() == reflect.String {
			v.SetString(n.Text)
			return v, nil
		}
	case *parse.NumberNode:
		switch typ.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if n.IsInt {
				v.SetInt(n.Int64)
				return v, nil
			}
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if n.IsUint {
				v.SetUint(n.Uint64)
				return v, nil
			}
		case reflect.Float32, reflect.Float64:
			if n.IsFloat {
				v.SetFloat(n.Float64)
				return v, nil
			}
		}
	}
	return reflect.Value{}, fmt.Errorf("can't handle %s for arg of type %s", a.node, typ)
}

// literal returns the value of a command that is a literal, or dot.
func (a *arg) literal(dot reflect.Value) (reflect.Value, error) {
	switch n := a.node.(type) {
	case *parse.DotNode:
		return dot, nil
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.NumberNode:
		return idealConstant(n)
	}
	return reflect.Value{}, fmt.Errorf("can't evaluate command %s", a.node)
}

// validateType returns value as a value of type typ (nil: any), as text/template does.
func validateType(value reflect.Value, typ reflect.Type) (reflect.Value, error) {
	if !value.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil), nil
		}
		if canBeNil(typ) {
			return reflect.Zero(typ), nil
		}
		return reflect.Value{}, fmt.Errorf("invalid value; expected %s", typ)
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value), nil
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value, nil
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				return reflect.Value{}, fmt.Errorf("dereference of nil pointer of type %s", typ)
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			return reflect.Value{}, fmt.Errorf("wrong type for value; expected %s; got %s", typ, value.Type())
		}
	}
	return value, nil
}

// printValue prints v as text/template does, with fmt.Fprint, but for a string.
func printValue(w *bytes.Buffer, v reflect.Value) error {
	if v.Kind() == reflect.String && plainString(v.Type()) {
		w.WriteString(v.String())
		return nil
	}
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v)
	}
	if !v.IsValid() {
		w.WriteString("<no value>")
		return nil
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(fmtStringerType) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(fmtStringerType)) {
			v = v.Addr()
		} else {
			switch v.Kind() {
			case reflect.Chan, reflect.Func:
				return fmt.Errorf("can't print value of type %s", v.Type())
			}
		}
	}
	fmt.Fprint(w, v.Interface())
	return nil
}

// plainString reports whether fmt prints a value of string type t as the string itself:
// neither t nor *t has a String or Error method.
func plainString(t reflect.Type) bool {
	return t == stringType || t == htmlType ||
		t.NumMethod() == 0 && reflect.PointerTo(t).NumMethod() == 0
}
