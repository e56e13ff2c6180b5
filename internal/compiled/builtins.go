package compiled

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"text/template/parse"
)

// A builtin is one of text/template's predefined functions, made here without calling it
// by reflection: its arguments are evaluated as text/template evaluates them for a
// parameter of type reflect.Value (or any, for print).
type builtin func(s *state, dot reflect.Value, args []*arg, final reflect.Value, hasFinal bool) (reflect.Value, error)

var builtins map[string]builtin

func init() {
	builtins = map[string]builtin{
		"and":   andOr(false),
		"or":    andOr(true),
		"not":   fixed(1, func(v []reflect.Value) (reflect.Value, error) { return reflect.ValueOf(!truth(v[0])), nil }),
		"eq":    eqBuiltin,
		"ne":    fixed(2, compare(func(a, b reflect.Value) (bool, error) { eq, err := eq(a, b); return !eq, err })),
		"lt":    fixed(2, compare(lt)),
		"le":    fixed(2, compare(le)),
		"gt":    fixed(2, compare(func(a, b reflect.Value) (bool, error) { le, err := le(a, b); return !le && err == nil, err })),
		"ge":    fixed(2, compare(func(a, b reflect.Value) (bool, error) { lt, err := lt(a, b); return !lt && err == nil, err })),
		"len":   fixed(1, length),
		"index": indexBuiltin,
		"print": printBuiltin,
	}
}

// values evaluates the arguments, and final when there is one, as reflect.Values.
func values(s *state, dot reflect.Value, args []*arg, final reflect.Value, hasFinal bool) ([]reflect.Value, error) {
	vs := make([]reflect.Value, 0, len(args)+1)
	for _, a := range args {
		v, err := a.eval(s, dot, reflectValueType)
		if err != nil {
			return nil, err
		}
		vs = append(vs, v.Interface().(reflect.Value))
	}
	if hasFinal {
		v, err := validateType(final, reflectValueType)
		if err != nil {
			return nil, err
		}
		vs = append(vs, v.Interface().(reflect.Value))
	}
	return vs, nil
}

// fixed is a builtin of n arguments.
func fixed(n int, f func([]reflect.Value) (reflect.Value, error)) builtin {
	return func(s *state, dot reflect.Value, args []*arg, final reflect.Value, hasFinal bool) (reflect.Value, error) {
		vs, err := values(s, dot, args, final, hasFinal)
		if err != nil {
			return reflect.Value{}, err
		}
		if len(vs) != n {
			return reflect.Value{}, fmt.Errorf("wrong number of args: want %d got %d", n, len(vs))
		}
		return f(vs)
	}
}

func compare(f func(a, b reflect.Value) (bool, error)) func([]reflect.Value) (reflect.Value, error) {
	return func(v []reflect.Value) (reflect.Value, error) {
		ok, err := f(v[0], v[1])
		if err != nil {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(ok), nil
	}
}

// andOr is and (or: or), which evaluate their arguments only until the answer is known.
func andOr(or bool) builtin {
	return func(s *state, dot reflect.Value, args []*arg, final reflect.Value, hasFinal bool) (reflect.Value, error) {
		if len(args) == 0 && !hasFinal {
			return reflect.Value{}, errors.New("wrong number of args for and/or")
		}
		var v reflect.Value
		for _, a := range args {
			w, err := a.eval(s, dot, reflectValueType)
			if err != nil {
				return reflect.Value{}, err
			}
			v = w.Interface().(reflect.Value)
			if truth(v) == or {
				return v, nil
			}
		}
		if hasFinal {
			w, err := validateType(final, reflectValueType)
			if err != nil {
				return reflect.Value{}, err
			}
			v = w.Interface().(reflect.Value)
		}
		return v, nil
	}
}

func eqBuiltin(s *state, dot reflect.Value, args []*arg, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	vs, err := values(s, dot, args, final, hasFinal)
	if err != nil {
		return reflect.Value{}, err
	}
	if len(vs) == 0 {
		return reflect.Value{}, errors.New("wrong number of args for eq")
	}
	ok, err := eq(vs[0], vs[1:]...)
	if err != nil {
		return reflect.Value{}, err
	}
	return reflect.ValueOf(ok), nil
}

func length(v []reflect.Value) (reflect.Value, error) {
	item, isNil := indirect(v[0])
	if isNil {
		return reflect.Value{}, errors.New("len of nil pointer")
	}
	switch item.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return reflect.ValueOf(item.Len()), nil
	}
	return reflect.Value{}, fmt.Errorf("len of type %s", item.Type())
}

func indexBuiltin(s *state, dot reflect.Value, args []*arg, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	vs, err := values(s, dot, args, final, hasFinal)
	if err != nil {
		return reflect.Value{}, err
	}
	if len(vs) == 0 {
		return reflect.Value{}, errors.New("wrong number of args for index")
	}
	item := indirectInterface(vs[0])
	if !item.IsValid() {
		return reflect.Value{}, errors.New("index of untyped nil")
	}
	for _, index := range vs[1:] {
		index = indirectInterface(index)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			return reflect.Value{}, errors.New("index of nil pointer")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			var x int64
			switch index.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				x = index.Int()
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				x = int64(index.Uint())
			default:
				return reflect.Value{}, errors.New("cannot index slice/array")
			}
			// text/template lets the index be the length, and then panics in
			// reflect: the page is made by it.
			if x < 0 || int(x) < 0 || int(x) >= item.Len() {
				return reflect.Value{}, fmt.Errorf("index out of range: %d", x)
			}
			item = item.Index(int(x))
		case reflect.Map:
			if !index.IsValid() {
				if !canBeNil(item.Type().Key()) {
					return reflect.Value{}, errors.New("value is nil")
				}
				index = reflect.Zero(item.Type().Key())
			}
			if !index.Type().AssignableTo(item.Type().Key()) {
				// An integer converted to the key's type: text/template's
				// prepareArg. The page is made by it.
				return reflect.Value{}, errDecline
			}
			if x := item.MapIndex(index); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			return reflect.Value{}, fmt.Errorf("can't index item of type %s", item.Type())
		}
	}
	return item, nil
}

// printBuiltin is fmt.Sprint, whose arguments text/template gives as values of type any.
func printBuiltin(s *state, dot reflect.Value, args []*arg, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	as := make([]any, 0, len(args)+1)
	for _, a := range args {
		v, err := a.eval(s, dot, anyType)
		if err != nil {
			return reflect.Value{}, err
		}
		as = append(as, v.Interface())
	}
	if hasFinal {
		v, err := validateType(final, anyType)
		if err != nil {
			return reflect.Value{}, err
		}
		as = append(as, v.Interface())
	}
	return reflect.ValueOf(fmt.Sprint(as...)), nil
}

var (
	errorType        = reflect.TypeFor[error]()
	fmtStringerType  = reflect.TypeFor[fmt.Stringer]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
	anyType          = reflect.TypeFor[any]()
	stringType       = reflect.TypeFor[string]()
	htmlType         = reflect.TypeFor[template.HTML]()
	urlType          = reflect.TypeFor[template.URL]()
	intType          = reflect.TypeFor[int]()
)

func isEmptyInterface(t reflect.Type) bool {
	return t.Kind() == reflect.Interface && t.NumMethod() == 0
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}

func idealConstant(n *parse.NumberNode) (reflect.Value, error) {
	switch {
	case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64), nil
	case n.IsInt:
		i := int(n.Int64)
		if int64(i) != n.Int64 {
			return reflect.Value{}, fmt.Errorf("%s overflows int", n.Text)
		}
		return reflect.ValueOf(i), nil
	}
	return reflect.Value{}, fmt.Errorf("%s: not compiled", n.Text)
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

type kind int

const (
	invalidKind kind = iota
	boolKind
	complexKind
	intKind
	floatKind
	stringKind
	uintKind
)

var errBadComparisonType = errors.New("invalid type for comparison")

func basicKind(v reflect.Value) (kind, error) {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind, nil
	case reflect.Float32, reflect.Float64:
		return floatKind, nil
	case reflect.Complex64, reflect.Complex128:
		return complexKind, nil
	case reflect.String:
		return stringKind, nil
	}
	return invalidKind, errBadComparisonType
}

func isNilValue(v reflect.Value) bool {
	if !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return v.IsNil()
	}
	return false
}

func eq(arg1 reflect.Value, arg2 ...reflect.Value) (bool, error) {
	arg1 = indirectInterface(arg1)
	if len(arg2) == 0 {
		return false, errors.New("missing argument for comparison")
	}
	k1, _ := basicKind(arg1)
	for _, arg := range arg2 {
		arg = indirectInterface(arg)
		k2, _ := basicKind(arg)
		truth := false
		if k1 != k2 {
			switch {
			case k1 == intKind && k2 == uintKind:
				truth = arg1.Int() >= 0 && uint64(arg1.Int()) == arg.Uint()
			case k1 == uintKind && k2 == intKind:
				truth = arg.Int() >= 0 && arg1.Uint() == uint64(arg.Int())
			default:
				if arg1.IsValid() && arg.IsValid() {
					return false, fmt.Errorf("incompatible types for comparison: %v and %v", arg1.Type(), arg.Type())
				}
			}
		} else {
			switch k1 {
			case boolKind:
				truth = arg1.Bool() == arg.Bool()
			case complexKind:
				truth = arg1.Complex() == arg.Complex()
			case floatKind:
				truth = arg1.Float() == arg.Float()
			case intKind:
				truth = arg1.Int() == arg.Int()
			case stringKind:
				truth = arg1.String() == arg.String()
			case uintKind:
				truth = arg1.Uint() == arg.Uint()
			default:
				if arg1.Kind() != arg.Kind() && arg1.IsValid() && arg.IsValid() {
					return false, fmt.Errorf("non-comparable types %v and %v", arg1.Type(), arg.Type())
				}
				if isNilValue(arg1) || isNilValue(arg) {
					truth = isNilValue(arg) == isNilValue(arg1)
				} else {
					if !arg.Type().Comparable() {
						return false, fmt.Errorf("non-comparable type %v", arg.Type())
					}
					// Interface values whose types are not comparable panic here,
					// as in text/template; Execute recovers.
					truth = arg1.Interface() == arg.Interface()
				}
			}
		}
		if truth {
			return true, nil
		}
	}
	return false, nil
}

func lt(arg1, arg2 reflect.Value) (bool, error) {
	arg1 = indirectInterface(arg1)
	k1, err := basicKind(arg1)
	if err != nil {
		return false, err
	}
	arg2 = indirectInterface(arg2)
	k2, err := basicKind(arg2)
	if err != nil {
		return false, err
	}
	if k1 != k2 {
		switch {
		case k1 == intKind && k2 == uintKind:
			return arg1.Int() < 0 || uint64(arg1.Int()) < arg2.Uint(), nil
		case k1 == uintKind && k2 == intKind:
			return arg2.Int() >= 0 && arg1.Uint() < uint64(arg2.Int()), nil
		}
		return false, fmt.Errorf("incompatible types for comparison: %v and %v", arg1.Type(), arg2.Type())
	}
	switch k1 {
	case floatKind:
		return arg1.Float() < arg2.Float(), nil
	case intKind:
		return arg1.Int() < arg2.Int(), nil
	case stringKind:
		return arg1.String() < arg2.String(), nil
	case uintKind:
		return arg1.Uint() < arg2.Uint(), nil
	}
	return false, errBadComparisonType
}

func le(arg1, arg2 reflect.Value) (bool, error) {
	lessThan, err := lt(arg1, arg2)
	if lessThan || err != nil {
		return lessThan, err
	}
	return eq(arg1, arg2)
}
