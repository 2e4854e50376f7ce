using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Dnsbl.Client.Tests.PublicApi;

/// <summary>Formats types and members as one-line C#-like signatures (with nullable annotations) for the public API file.</summary>
internal static class PublicApiFormatter
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte",
        [typeof(short)] = "short", [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint",
        [typeof(long)] = "long", [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double",
        [typeof(decimal)] = "decimal", [typeof(char)] = "char", [typeof(string)] = "string", [typeof(object)] = "object",
    };

    public static (string Kind, string Name) TypeHeader(Type type)
    {
        var kind = type switch
        {
            { IsEnum: true } => type.IsDefined(typeof(FlagsAttribute)) ? "[Flags] enum" : "enum",
            { IsInterface: true } => "interface",
            { IsValueType: true } => (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly " : string.Empty) + (IsRecord(type) ? "record struct" : "struct"),
            _ when typeof(Delegate).IsAssignableFrom(type) => "delegate",
            { IsAbstract: true, IsSealed: true } => "static class",
            _ => (type.IsSealed ? "sealed " : type.IsAbstract ? "abstract " : string.Empty) + (IsRecord(type) ? "record" : "class"),
        };
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && !type.IsEnum && !bases.Contains(baseType.Name))
        {
            bases.Add(TypeName(baseType));
        }

        if (type.IsEnum)
        {
            return (kind, TypeName(type)); // an enum's interfaces come with System.Enum
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(i => TypeName(i)).Order(StringComparer.Ordinal));
        return (kind, TypeName(type) + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty));
    }

    public static (string Modifiers, string Signature)? Member(MemberInfo member)
    {
        var nullability = new NullabilityInfoContext();
        switch (member)
        {
            case ConstructorInfo constructor:
                return (string.Empty, $"ctor({Parameters(constructor, nullability)})");
            case MethodInfo method:
                var generic = method.IsGenericMethod ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
                return (Modifiers(method), $"{method.Name}{generic}({Parameters(method, nullability)}) -> {TypeName(method.ReturnType, nullability.Create(method.ReturnParameter))}");
            case PropertyInfo property:
                var indexer = property.GetIndexParameters();
                var name = indexer.Length == 0 ? property.Name : $"this[{string.Join(", ", indexer.Select(p => Parameter(p, nullability)))}]";
                return (Modifiers(property.GetAccessors(nonPublic: true)[0]), $"{name} {{ {Accessors(property)} }} -> {TypeName(property.PropertyType, nullability.Create(property))}");
            case FieldInfo field:
                var prefix = (field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty) + (field.IsInitOnly ? "readonly " : string.Empty);
                var value = field.IsLiteral ? " = " + Literal(field.GetRawConstantValue()) : string.Empty;
                return (prefix, $"{field.Name} -> {TypeName(field.FieldType, nullability.Create(field))}{value}");
            case EventInfo @event:
                return ("event ", $"{@event.Name} -> {TypeName(@event.EventHandlerType!, nullability.Create(@event))}");
            default:
                return null;
        }
    }

    public static string TypeName(Type type, NullabilityInfo? info = null)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!, info?.ElementType ?? info);
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, info?.ElementType) + "[]" + Nullable(type, info);
        }

        if (System.Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying, info?.GenericTypeArguments.FirstOrDefault()) + "?";
        }

        if (type.IsGenericParameter)
        {
            return type.Name + Nullable(type, info);
        }

        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword + Nullable(type, info);
        }

        var name = type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            var argumentText = arguments.Select((a, i) => TypeName(a, info?.GenericTypeArguments.ElementAtOrDefault(i)));
            name = name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", argumentText) + ">";
        }

        return name + Nullable(type, info);
    }

    private static string Nullable(Type type, NullabilityInfo? info) =>
        !type.IsValueType && info?.ReadState == NullabilityState.Nullable ? "?" : string.Empty;

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null || type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null ||
        (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static string Modifiers(MethodInfo method)
    {
        var access = method.IsPublic ? string.Empty : "protected ";
        if (method.IsStatic)
        {
            return access + "static ";
        }

        if (method.DeclaringType!.IsInterface)
        {
            return access;
        }

        return access + (method.IsAbstract ? "abstract " : method.GetBaseDefinition() != method ? "override " : method.IsVirtual && !method.IsFinal ? "virtual " : string.Empty);
    }

    private static string Accessors(PropertyInfo property)
    {
        var parts = new List<string>();
        if (property.GetMethod is { } getter && PublicApiLister.IsVisible(getter, property.DeclaringType!.IsSealed))
        {
            parts.Add("get;");
        }

        if (property.SetMethod is { } setter && PublicApiLister.IsVisible(setter, property.DeclaringType!.IsSealed))
        {
            var isInit = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            parts.Add(isInit ? "init;" : "set;");
        }

        return string.Join(' ', parts);
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        string.Join(", ", method.GetParameters().Select(p => Parameter(p, nullability)));

    private static string Parameter(ParameterInfo parameter, NullabilityInfoContext nullability)
    {
        var modifier = parameter.ParameterType.IsByRef ? (parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ") :
            parameter.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty;
        var text = $"{modifier}{TypeName(parameter.ParameterType, nullability.Create(parameter))} {parameter.Name}";
        if (!parameter.HasDefaultValue)
        {
            return text;
        }

        var type = parameter.ParameterType;
        var isStructDefault = parameter.RawDefaultValue is null && type.IsValueType && System.Nullable.GetUnderlyingType(type) is null;
        return text + " = " + (isStructDefault ? "default" : Literal(parameter.RawDefaultValue));
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
